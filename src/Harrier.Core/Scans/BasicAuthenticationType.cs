namespace Harrier.Core.Scans;

/// <summary>HTTP authentication scheme for target credentials. Member names are the wire names; never rely on ordinals.</summary>
public enum BasicAuthenticationType
{
    Basic,
    Ntlm,
    Kerberos,
    Digest,
    Negotiate,
}
