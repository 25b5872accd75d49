import Foundation

/// Binding the cluster's owner to an officer is refused: the owner is the administrator, and a binding would
/// make their writes an officer's while they keep every administrator's power (try-out 5, defect 11).
public struct OwnerBindingError: Error, Equatable, CustomStringConvertible, UserFacingConvertible {
    public let osUser: String

    public var description: String {
        "\(osUser) owns the local cluster, and its owner is the administrator, not an officer: bind officers to their "
            + "own OS users, and record a paper form as the administrator with --on-behalf-of OFFICER-ID"
    }

    public func userFacing(rendering render: (UserStep) -> String) -> UserFacingError {
        UserFacingError(description, status: .ruleRefused)
    }
}

extension LocalCluster {
    /// Whether `osUser` owns the cluster: it is peer-mapped to the owner's writer login (whoever made the cluster),
    /// it is the server's OS user, or it is root, who may act as either.
    public func isOwner(osUser: String) -> Bool {
        let ident = (try? String(contentsOf: identFile, encoding: .utf8)) ?? ""
        let owners = ident.split(separator: "\n").compactMap { line -> String? in
            let fields = line.split(whereSeparator: \.isWhitespace).map(String.init)
            return fields.count == 3 && fields[0] == Self.identMap && fields[2] == Self.writerLogin ? fields[1] : nil
        }
        return owners.contains(osUser) || osUser == serverUser || osUser == "root"
    }
}
