namespace DescPortal.Core;

// Partner: the codes of the registry of partner installations whose specimen archives are accepted.
public static partial class Refusals
{
    /// <summary>A partner installation as an administrator registers it: its name and its key's fingerprint.</summary>
    public static class Partner
    {
        public const string NameRequired = "partner.name.required";
        public const string NameTooLong = "partner.name.too-long";
        public const string NameControlCharacters = "partner.name.control-characters";
        public const string FingerprintMalformed = "partner.fingerprint.malformed";
        public const string FingerprintOwn = "partner.fingerprint.own";
        public const string FingerprintRegistered = "partner.fingerprint.registered";
        public const string Changed = "partner.changed";
    }
}
