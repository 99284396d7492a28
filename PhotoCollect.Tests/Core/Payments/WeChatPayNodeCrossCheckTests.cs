using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using PhotoCollect.Core.Payments.WeChatPay;
using PhotoCollect.Tests.Infrastructure;

namespace PhotoCollect.Tests.Core.Payments;

/// <summary>
/// Our signing, verification, decryption and paySign against an independent implementation (npm
/// <c>wechatpay-axios-plugin</c> on Node, installed by <c>npm ci --prefix PhotoCollect.Tests/Node</c>), so a mistake
/// shared by our client and our simulator cannot pass. Never skipped: without Node the test fails and says why.
/// </summary>
public sealed partial class WeChatPayNodeCrossCheckTests
{
    private const string ApiV3Key = "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6";
    private const string PublicKeyId = "PUB_KEY_ID_0114232134912410000000000000000009";
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task CrossCheck_SignVerifyDecryptPaySignAndBill_AgreeWithWechatpayAxiosPlugin()
    {
        using var merchant = RSA.Create(2048);
        using var weChat = RSA.Create(2048);
        var options = new WeChatPayOptions
        {
            AppId = "wxd678efh567hg6787",
            MchId = "1900000109",
            MerchantSerialNo = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1",
            MerchantPrivateKeyPem = merchant.ExportRSAPrivateKeyPem(), // PKCS#1 here; PKCS#8 goes to Node
            ApiV3Key = ApiV3Key,
            PublicKeyId = PublicKeyId,
            PublicKeyPem = weChat.ExportSubjectPublicKeyInfoPem(),
        };
        var time = new FakeTimeProvider(Now);
        using var signer = new WeChatPaySigner(options, new SequenceRandom("REQNONCE0123456789ABCDEFGHIJKLMN", "PAYNONCE0123456789ABCDEFGHIJKLMN"), time);
        using var verifier = new WeChatPayVerifier(options, null, time);

        const string requestUri = "/v3/pay/transactions/jsapi?probe=1";
        const string requestBody = """{"appid":"wxd678efh567hg6787","description":"毕业照片采集","amount":{"total":3050,"currency":"CNY"}}""";
        var authorization = Fields(signer.Authorization("POST", requestUri, requestBody));
        const string responseBody = """{"prepay_id":"wx201410272009395522657a690389285100","说明":"应答"}""";
        var ourResponse = new WeChatPaySignedMessage(Now.ToUnixTimeSeconds().ToString(), "RESPNONCE0123456789ABCDEFGHIJKLM", "", PublicKeyId, null, Encoding.UTF8.GetBytes(responseBody));
        ourResponse = ourResponse with { Signature = WeChatPayKeys.Sign(weChat, ourResponse.SigningBytes()) };
        const string resource = """{"out_trade_no":"PC20260601000001","trade_state":"SUCCESS","trade_state_desc":"支付成功","amount":{"total":3050}}""";
        var encrypted = WeChatPayAead.Encrypt(resource, ApiV3Key, "fdasflkja484", "transaction");
        var pay = signer.PaymentParameters("wx201410272009395522657a690389285100");
        using var billRig = await WeChatPayTradeBillTests.PaidDay();
        var billCsv = billRig.Simulator.TradeBillCsv(new DateOnly(2026, 6, 1));

        var node = await RunNodeAsync(new
        {
            merchantPrivateKeyPem = merchant.ExportPkcs8PrivateKeyPem(),
            merchantPublicKeyPem = merchant.ExportSubjectPublicKeyInfoPem(),
            weChatPrivateKeyPem = weChat.ExportPkcs8PrivateKeyPem(),
            weChatPublicKeyPem = weChat.ExportSubjectPublicKeyInfoPem(),
            apiV3Key = ApiV3Key,
            request = new { method = "POST", uri = requestUri, timestamp = authorization["timestamp"], nonce = authorization["nonce_str"], body = requestBody, ourSignature = authorization["signature"] },
            response = new { timestamp = ourResponse.Timestamp, nonce = ourResponse.Nonce, body = responseBody, ourSignature = ourResponse.Signature },
            aead = new
            {
                ciphertext = encrypted.Ciphertext, nonce = encrypted.Nonce, associatedData = encrypted.AssociatedData,
                plaintextForNode = resource, nonceForNode = "0123456789ab", associatedDataForNode = "",
            },
            pay = new { appId = pay.AppId, timeStamp = pay.TimeStamp, nonceStr = pay.NonceStr, package = pay.Package, paySign = pay.PaySign },
            authorization = new { mchid = authorization["mchid"], nonce = authorization["nonce_str"], signature = authorization["signature"], timestamp = authorization["timestamp"], serial = authorization["serial_no"] },
            billBase64 = Convert.ToBase64String(billCsv),
        });

        // Request signing: the same message, and (PKCS#1 v1.5 is deterministic) the very same signature.
        Assert.Equal(WeChatPaySigner.RequestMessage("POST", requestUri, authorization["timestamp"], authorization["nonce_str"], requestBody), (string?)node["requestMessage"]);
        Assert.Equal(authorization["signature"], (string?)node["requestSignature"]);
        Assert.True((bool)node["ourRequestSignatureValid"]!);
        Assert.Equal(authorization, Fields((string)node["authorization"]!));

        // Response verification both ways.
        Assert.True((bool)node["ourResponseSignatureValid"]!);
        Assert.False((bool)node["tamperedResponseValid"]!);
        Assert.Equal(WeChatPayVerification.Valid, await verifier.VerifyAsync(ourResponse with { Signature = (string)node["nodeResponseSignature"]! }, CancellationToken.None));

        // AEAD_AES_256_GCM both ways.
        Assert.Equal(resource, (string?)node["decrypted"]);
        Assert.Equal(resource, WeChatPayAead.Decrypt(new WeChatPayEncryptedResource(WeChatPayAead.Algorithm, (string)node["nodeCiphertext"]!, "0123456789ab", ""), ApiV3Key));

        // paySign for wx.requestPayment.
        Assert.True((bool)node["ourPaySignValid"]!);
        Assert.Equal(pay.PaySign, (string?)node["paySignature"]);

        // The bill as Node's CSV reader sees it.
        var ours = WeChatPayTradeBill.Parse(billCsv);
        var theirs = node["billRows"]!.AsArray();
        Assert.Equal(ours.Rows.Count, theirs.Count);
        foreach (var (row, their) in ours.Rows.Zip(theirs))
        {
            Assert.Equal(row.OutTradeNo, (string?)their!["商户订单号"]);
            Assert.Equal(row.TradeState, (string?)their["交易状态"]);
            Assert.Equal(row.TotalFen, (int)(decimal.Parse((string)their["订单金额"]!, System.Globalization.CultureInfo.InvariantCulture) * 100));
            Assert.Equal(row.RefundFen, (int)(decimal.Parse((string)their["申请退款金额"]!, System.Globalization.CultureInfo.InvariantCulture) * 100));
        }

        Assert.Equal(ours.Summary.TradeCount.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)node["billSummary"]!["总交易单数"]);
    }

    private static async Task<JsonNode> RunNodeAsync(object input)
    {
        var folder = Path.Combine(Repository.Root, "PhotoCollect.Tests", "Node");
        var nodePath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(directory => Path.Combine(directory, OperatingSystem.IsWindows() ? "node.exe" : "node"))
            .FirstOrDefault(File.Exists);
        Assert.True(nodePath is not null,
            "Node.js is not on PATH: the WeChat Pay cross-check needs it (apt-get install nodejs npm), then npm ci --prefix PhotoCollect.Tests/Node --no-audit --no-fund.");
        Assert.True(File.Exists(Path.Combine(folder, "node_modules", "wechatpay-axios-plugin", "package.json")),
            "wechatpay-axios-plugin is not installed: run npm ci --prefix PhotoCollect.Tests/Node --no-audit --no-fund (scripts/test.sh does).");

        var start = new ProcessStartInfo(nodePath!, "crosscheck.js")
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(JsonSerializer.Serialize(input));
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"node crosscheck.js failed ({process.ExitCode}): {await errors}");
        return JsonNode.Parse(await output)!;
    }

    private static Dictionary<string, string> Fields(string header) =>
        AuthorizationField().Matches(header).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

    [GeneratedRegex("([a-z_]+)=\"([^\"]*)\"")]
    private static partial Regex AuthorizationField();
}
