namespace PhotoCollect.Core.Students.WeChat;

/// <summary>
/// The WeChat mini-program server API this system needs: login (<c>jscode2session</c>) and the
/// student's phone number (<c>getuserphonenumber</c>). Failures are <see cref="Common.DomainException"/>s
/// with the codes in <see cref="WeChatErrors"/>.
/// </summary>
public interface IWeChatMiniProgramClient
{
    /// <summary>Exchanges the one-time code from <c>wx.login</c> for the student's WeChat identity.</summary>
    Task<WeChatSession> Code2SessionAsync(string jsCode, CancellationToken cancellationToken);

    /// <summary>
    /// Exchanges the one-time code from the mini program's phone-number button for the phone number
    /// without country code (<c>purePhoneNumber</c>).
    /// </summary>
    Task<string> GetPhoneNumberAsync(string phoneCode, CancellationToken cancellationToken);

    /// <summary>
    /// Fetches (or reuses) the access token through the shared cache, which proves the AppId and the
    /// AppSecret; the outcome lands in <see cref="WeChatConnectionStatus"/>.
    /// </summary>
    Task VerifyCredentialsAsync(CancellationToken cancellationToken);
}

/// <summary>
/// A student's WeChat identity for this mini program.
/// <see cref="SessionKey"/> is the key WeChat signs and encrypts the student's data with: it stays on
/// the server. The API must never return it to the mini program, and it is never logged
/// (<see cref="ToString"/> leaves it out).
/// </summary>
public sealed record WeChatSession(string OpenId, string? UnionId, string SessionKey)
{
    public override string ToString() => $"WeChatSession {{ OpenId = {OpenId}, UnionId = {UnionId} }}";
}
