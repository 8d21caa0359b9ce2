namespace Harrier.Core.Scans;

/// <summary>Encrypts target credentials at rest (ASP.NET Core Data Protection behind it).</summary>
public interface ISecretProtector
{
    EncryptedSecret Protect(string plainText);

    string Unprotect(EncryptedSecret secret);
}
