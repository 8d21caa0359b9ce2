using Harrier.Core.Scans;
using Microsoft.AspNetCore.DataProtection;

namespace Harrier.Server.Hosting;

/// <summary>Encrypts target credentials with ASP.NET Core Data Protection (keys in the data directory).</summary>
internal sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("Harrier.TargetCredentials.v1");

    public EncryptedSecret Protect(string plainText) => new(_protector.Protect(plainText));

    public string Unprotect(EncryptedSecret secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return _protector.Unprotect(secret.CipherText);
    }
}
