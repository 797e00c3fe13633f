using QRCoder;

namespace DescPortal.Web.Features.Account;

/// <summary>The authenticator key as apps read it: an otpauth address, shown as a QR code (a PNG data address, which the CSP allows).</summary>
public static class AuthenticatorKeys
{
    public static string OtpAuthText(string account, string key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString("DescPortal:" + account)}?secret={key}&issuer=DescPortal&digits=6";

    public static string QrCodeImage(string account, string key)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(OtpAuthText(account, key), QRCodeGenerator.ECCLevel.M);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(4));
    }
}
