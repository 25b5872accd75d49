import ArgumentParser
import Enforcement
import Foundation
import JointOps

extension OfficerCommand {
    /// Ends a binding made by `officer bind`, so a login that now belongs to someone else can be bound anew.
    struct Unbind: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "End the bindings of the logins that act as an officer (administrators only).",
            discussion: Help.discussion("""
                Recorded in the registry like the binding. The logins stay, but record as nobody (refused) until \
                `jointops officer bind` binds them again, to this officer or another.
                """, examples: "jointops officer unbind ZF-01"))
        @Argument(help: "Officer id, e.g. ZF-01.") var officer: String
        @OptionGroup var options: WriteOptions

        func run() throws { try options.writeRegistry(.unbindLogins(officer: officer)) }
    }
}
