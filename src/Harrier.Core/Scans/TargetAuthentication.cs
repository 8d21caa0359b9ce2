namespace Harrier.Core.Scans;

/// <summary>
/// How the scanner signs in to the target. Every secret is an <see cref="EncryptedSecret"/>: it is encrypted
/// when the launch is accepted and decrypted only by the agent that runs the scan.
/// </summary>
public sealed record TargetAuthentication
{
    public BasicAuthentication? Basic { get; init; }

    public FormAuthentication? Form { get; init; }

    /// <summary>Static headers such as <c>Authorization: Bearer …</c>; values are secrets.</summary>
    public IReadOnlyList<SecretHeader> Headers { get; init; } = [];

    public bool IsEmpty => Basic is null && Form is null && Headers.Count == 0;
}

public sealed record BasicAuthentication(bool NoChallenge, IReadOnlyList<BasicCredential> Credentials);

public sealed record BasicCredential(
    BasicAuthenticationType AuthenticationType,
    string UriPrefix,
    string UserName,
    EncryptedSecret Password,
    string? Domain);

public sealed record FormAuthentication(
    string LoginFormUrl,
    string? LoginRequiredUrl,
    string UserName,
    EncryptedSecret Password,
    IReadOnlyList<string> LogoutKeywordPatterns,
    string? LogoutRedirectPattern,
    bool OverrideTargetUrl,
    bool DetectBearerToken,
    bool DisableLogoutDetection);

public sealed record SecretHeader(string Name, EncryptedSecret Value);

/// <summary>Cipher text of a secret. Only <see cref="ISecretProtector"/> turns it back into plain text.</summary>
public sealed record EncryptedSecret(string CipherText);
