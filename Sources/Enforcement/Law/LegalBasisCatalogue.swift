/// The versioned penalty articles the bureau applies, the choice of version of APL Art 37, and the
/// large-amount thresholds that give a hearing right.
///
/// Reference data: the shipped catalogue holds the articles of domain-notes §3; a bureau adds its own
/// with ``init(bases:hearingThresholds:)``. Actual amounts within a band come from the regional
/// discretion benchmark (裁量基准), which is not modelled here.
public struct LegalBasisCatalogue: Sendable {
    /// Every basis, in the order given.
    public let all: [LegalBasis]
    /// The 较大数额 thresholds per agency (APL 63).
    public let hearingThresholds: HearingThresholds
    private let byId: [String: LegalBasis]

    /// Creates a catalogue. Ids must be unique and no family may share a version's id (a programmer mistake otherwise).
    public init(bases: [LegalBasis], hearingThresholds: HearingThresholds = .shipped) {
        self.all = bases
        self.hearingThresholds = hearingThresholds
        self.byId = Dictionary(bases.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in
            preconditionFailure("duplicate legal basis id \(first.id)")
        })
        for basis in bases { precondition(byId[basis.family] == nil, "family \(basis.family) is also a version id") }
    }

    /// The basis with this version id, if any.
    public func basis(id: String) -> LegalBasis? { byId[id] }

    /// The family ids, in catalogue order.
    public var families: [String] { unique(all.map(\.family)) }

    /// Every version of `family`, oldest first.
    public func versions(of family: String) -> [LegalBasis] {
        all.filter { $0.family == family }.sorted { $0.effectiveFrom < $1.effectiveFrom }
    }

    /// The family an officer's citation names: a family id, or the family of a version id (ids are
    /// upper case; a citation is matched whatever its case).
    /// - Throws: `.unknownBasis` when it is neither.
    public func family(cited: String) throws(LawError) -> String {
        let id = cited.uppercased()
        if let basis = byId[id] { return basis.family }
        guard all.contains(where: { $0.family == id }) else { throw .unknownBasis(id: cited) }
        return id
    }

    /// The version of `family` in force on `date`, if any.
    public func inForce(family: String, on date: LocalDate) -> LegalBasis? {
        all.first { $0.family == family && $0.isInForce(on: date) }
    }

    /// The families with a version for `sector` (and providing every type in `types`), in catalogue order.
    public func families(for sector: Sector, providing types: [PenaltyType] = []) -> [String] {
        unique(all.filter { $0.sectors.contains(sector) && types.allSatisfy($0.penaltyTypes.contains) }.map(\.family))
    }

    private func unique(_ ids: [String]) -> [String] {
        var seen: Set<String> = []
        return ids.filter { seen.insert($0).inserted }
    }
}
