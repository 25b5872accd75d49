/// The limitation period for penalties (APL Art 36).
///
/// A violation not discovered within 2 years is no longer punished; 5 years where it endangered
/// life, health or financial safety *and* caused harm. The clock runs from the act, or from the day
/// a continuing act ended: pass that day as `actDate`.
public enum LimitationPeriod {
    /// The last day on which discovering the act still allows a penalty.
    ///
    /// The period starts the day after the act and ends on the same-numbered day 2 (or 5) years
    /// later; with no such day, on the month's last day (Civil Code Arts 201–202, applied by
    /// analogy): an act on 2024-02-29 expires on 2026-02-28.
    public static func expires(actDate: LocalDate, harmedLifeHealthOrFinance: Bool) -> LocalDate {
        actDate.adding(months: (harmedLifeHealthOrFinance ? 5 : 2) * 12)
    }

    /// Whether an act discovered on `discoveredOn` can no longer be punished.
    public static func isTimeBarred(actDate: LocalDate, discoveredOn: LocalDate, harmedLifeHealthOrFinance: Bool) -> Bool {
        discoveredOn > expires(actDate: actDate, harmedLifeHealthOrFinance: harmedLifeHealthOrFinance)
    }
}
