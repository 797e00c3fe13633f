namespace DescPortal.Core.Custody;

/// <summary>
/// A bearer's personal data in a stored event (names, date of birth, document numbers, the MRZ). The custody chain
/// covers a salted digest of it rather than the value, so that its lawful erasure keeps every chain verifiable
/// (<see cref="CustodyChain"/>). On a record: <c>[property: PersonalData]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PersonalDataAttribute : Attribute;
