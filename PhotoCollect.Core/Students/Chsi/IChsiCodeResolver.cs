namespace PhotoCollect.Core.Students.Chsi;

/// <summary>
/// Turns the text of a 学信网 image-collection code (采集码, as read by
/// <see cref="Photos.QrCodeReader"/>) into the student's details, after checking that the
/// student knows the last four characters of the ID number in it. The embedded default is
/// <see cref="EmbeddedChsiCodeResolver"/>; a CHSI-authorised decoder plugs in behind the same
/// interface.
/// </summary>
public interface IChsiCodeResolver
{
    /// <summary>
    /// Never throws for bad input: an unusable code or holder check gives a failed
    /// <see cref="ChsiResolution"/>. Details are returned only when the holder check passes.
    /// </summary>
    /// <param name="qrText">The QR text as decoded; surrounding blanks are ignored.</param>
    /// <param name="idLast4">Last four characters of the ID number as the student typed them (x or X).</param>
    /// <param name="now">The current time, for the expiry check.</param>
    ChsiResolution Resolve(string qrText, string idLast4, DateTimeOffset now);
}
