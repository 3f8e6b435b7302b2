using System.Text.RegularExpressions;
using Civic.Hosting.Errors;
using Civic.Hosting.Notifications;

namespace Civic.Hotline.Bookings;

/// <summary>What a valid booking request looks like. Plain C#. Text is kept as text: markup is not refused, and pages escape it.</summary>
public static partial class BookingRules
{
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 1000;
    public const int MaxNeedsLength = 500;

    public static ValidBooking Validate(NewBooking booking)
    {
        var violations = new FieldViolations()
            .Required("slot_id", booking.SlotId, "the slot", "samtaletiden")
            .Required("name", booking.Name, "your name", "dit navn")
            .MaxLength("name", booking.Name.Trim(), MaxNameLength, "the name", "navnet");

        var phone = PhoneNumberNormaliser.Normalise(booking.Phone);
        if (phone is null)
        {
            violations.Add("phone",
                "Give a phone number we can call: 8 digits for a Danish number, or a foreign number with its country code (e.g. +46 ...).",
                "Angiv et telefonnummer, vi kan ringe til: 8 cifre for et dansk nummer eller et udenlandsk nummer med landekode (fx +46 ...).");
        }

        var email = booking.Email.Trim();
        if (email.Length > 0 && !EmailAddresses.IsValid(email))
        {
            violations.Add("email", "The e-mail address is not valid; leave it empty if you have none.", "E-mailadressen er ikke gyldig; lad feltet stå tomt, hvis du ikke har en.");
        }

        if (booking.TopicKind is null)
        {
            violations.Add("topic_kind", "Choose what the call is about: a question, an idea, a complaint or something else.",
                "Vælg, hvad opkaldet handler om: et spørgsmål, en idé, en klage eller noget andet.");
        }

        violations
            .Required("description", booking.Description, "a short description", "en kort beskrivelse")
            .MaxLength("description", booking.Description.Trim(), MaxDescriptionLength, "the description", "beskrivelsen")
            .MaxLength("needs", booking.Needs.Trim(), MaxNeedsLength, "the needs", "behovene");

        if (!booking.Consent)
        {
            violations.Add("consent", "We can only book the call when you agree that we keep your contact data until the call is done.",
                "Vi kan kun booke opkaldet, når du accepterer, at vi gemmer dine kontaktoplysninger, indtil opkaldet er afsluttet.");
        }

        if (!IdempotencyKeyPattern().IsMatch(booking.IdempotencyKey))
        {
            violations.Add("idempotency_key", "The idempotency key must be 8-100 of the characters A-Z, a-z, 0-9, '-' and '_'.",
                "Idempotensnøglen skal være 8-100 af tegnene A-Z, a-z, 0-9, '-' og '_'.");
        }

        violations.ThrowIfAny();
        var needs = booking.Needs.Trim();
        return new ValidBooking(
            booking.SlotId.Trim(), booking.Name.Trim(), phone!, email.Length == 0 ? null : email, booking.TopicKind!.Value,
            booking.Description.Trim(), booking.Language ?? BookingLanguage.Danish, needs.Length == 0 ? null : needs, booking.IdempotencyKey);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{8,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdempotencyKeyPattern();
}
