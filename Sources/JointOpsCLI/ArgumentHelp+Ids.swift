import ArgumentParser

/// The help of the positional ids most commands take, worded once so every command says the same.
extension ArgumentHelp {
    static let caseId = ArgumentHelp("The case id, e.g. CASE-2026-0012.", valueName: "case-id")
    static let operationId = ArgumentHelp("The operation id, e.g. OP-2026-0003.", valueName: "op-id")
    static let rectificationId = ArgumentHelp("The rectification item's id, e.g. RECT-2026-0004.", valueName: "rect-id")
    static let referralId = ArgumentHelp("The referral's id, e.g. REF-2026-0002.", valueName: "ref-id")
    static let officerId = ArgumentHelp("The officer's id, e.g. ZF-01.", valueName: "officer-id")
    static let seizedPlate = ArgumentHelp("Plate of the seized vehicle, as recorded at the seizure, e.g. 新G·12345.")
}
