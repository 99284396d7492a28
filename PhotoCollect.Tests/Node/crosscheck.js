// Runs the independent implementation (npm wechatpay-axios-plugin) on inputs from the C# test (JSON on stdin)
// and prints what it computes (JSON on stdout); the test compares that with PhotoCollect's own results.
'use strict';
const { Rsa, Aes, Formatter } = require('wechatpay-axios-plugin');

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const i = JSON.parse(input);
  const merchantKey = Rsa.from(i.merchantPrivateKeyPem, Rsa.KEY_TYPE_PRIVATE);
  const merchantPublic = Rsa.from(i.merchantPublicKeyPem, Rsa.KEY_TYPE_PUBLIC);
  const weChatKey = Rsa.from(i.weChatPrivateKeyPem, Rsa.KEY_TYPE_PRIVATE);
  const weChatPublic = Rsa.from(i.weChatPublicKeyPem, Rsa.KEY_TYPE_PUBLIC);
  const apiV3Key = Buffer.from(i.apiV3Key, 'utf8');

  const requestMessage = Formatter.request(i.request.method, i.request.uri, i.request.timestamp, i.request.nonce, i.request.body);
  const responseMessage = Formatter.response(i.response.timestamp, i.response.nonce, i.response.body);
  const payMessage = Formatter.joinedByLineFeed(i.pay.appId, i.pay.timeStamp, i.pay.nonceStr, i.pay.package);
  const bill = Formatter.castCsvBill(Buffer.from(i.billBase64, 'base64'));

  process.stdout.write(JSON.stringify({
    requestMessage,
    requestSignature: Rsa.sign(requestMessage, merchantKey),
    ourRequestSignatureValid: Rsa.verify(requestMessage, i.request.ourSignature, merchantPublic),
    ourResponseSignatureValid: Rsa.verify(responseMessage, i.response.ourSignature, weChatPublic),
    tamperedResponseValid: Rsa.verify(Formatter.response(i.response.timestamp, i.response.nonce, `${i.response.body} `), i.response.ourSignature, weChatPublic),
    nodeResponseSignature: Rsa.sign(responseMessage, weChatKey),
    decrypted: Aes.AesGcm.decrypt(i.aead.ciphertext, apiV3Key, i.aead.nonce, i.aead.associatedData),
    nodeCiphertext: Aes.AesGcm.encrypt(i.aead.plaintextForNode, apiV3Key, i.aead.nonceForNode, i.aead.associatedDataForNode),
    paySignature: Rsa.sign(payMessage, merchantKey),
    ourPaySignValid: Rsa.verify(payMessage, i.pay.paySign, merchantPublic),
    authorization: Formatter.authorization(i.authorization.mchid, i.authorization.nonce, i.authorization.signature, i.authorization.timestamp, i.authorization.serial),
    billRows: bill.rows,
    billSummary: bill.summary,
  }));
});
