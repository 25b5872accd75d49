/// How plate numbers appear in published decisions.
///
/// No rule requires or forbids masking plates (domain-notes §2.4), so this is bureau policy;
/// the default is `.partial`. See ``PlateNumber/masked(_:)`` for the exact forms.
public enum PlateMasking: String, Codable, Sendable, CaseIterable {
    /// Published as is: 新G·12345.
    case none
    /// First and last serial characters kept: 新G·1***5.
    case partial
    /// Only province and issuing letter kept: 新G·*****.
    case full
}
