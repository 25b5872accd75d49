import ArgumentParser
import Enforcement
import Foundation
import JointOps

/// Tells on stderr how to get the next page of a listing: the command as it was run, with `--after`
/// set to the last row's key (stdout stays the rows alone, for pipes).
enum NextPageNote {
    static func say(after key: String?, arguments: [String] = CommandLine.arguments) {
        guard let key else { return }
        fflush(nil)   // the rows first, then the note, even when both go to one terminal or file
        FileHandle.standardError.write(Data("jointops: note: more rows follow; next page: \(command(after: key, arguments: arguments))\n".utf8))
    }

    /// `arguments` without any `--after`, then `--after KEY`, each word quoted for a POSIX shell where needed.
    static func command(after key: String, arguments: [String]) -> String {
        var words: [String] = []
        var skipNext = false
        for (index, word) in arguments.enumerated() {
            if skipNext { skipNext = false; continue }
            if word == "--after" { skipNext = true; continue }
            if word.hasPrefix("--after=") { continue }
            words.append(index == 0 ? "jointops" : word)
        }
        return (words + ["--after", key]).map(quoted).joined(separator: " ")
    }

    static func quoted(_ word: String) -> String {
        let plain = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_.,:/=@%+"))
        if !word.isEmpty, word.unicodeScalars.allSatisfy({ $0.isASCII && plain.contains($0) }) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// The checks of `--limit` and `--after` every paged listing shares, made before anything is read.
enum ReportPaging {
    static func validate(report name: String, limit: Int?, after: String?) throws {
        if name == "annual" && (limit != nil || after != nil) {
            throw ValidationError("report annual is one document, not pages: leave out --limit and --after")
        }
        if let limit, limit < 1 { throw ValidationError(ReportError.badLimit(limit).description) }
        if let after, let key = ReportKey.of(name) {
            do { _ = try key.values(of: after, report: name) } catch let error as ReportError {
                throw ValidationError(error.description)
            }
        }
    }
}

extension ReportPaging {
    /// `--from` later than `--to` would print `(none)` as if nothing happened: one line instead. A bad date is
    /// left to `run()`, which names it.
    static func validateRange(from: String?, to: String?) throws {
        guard let from = from.flatMap({ LocalDate(iso: $0.trimmingCharacters(in: .whitespaces)) }),
              let to = to.flatMap({ LocalDate(iso: $0.trimmingCharacters(in: .whitespaces)) }), from > to else { return }
        throw ValidationError(ReportError.emptyRange(from: from, to: to).description)
    }
}

/// `--limit` and `--after` of a list in id order (`case list`, `op list`): the key is the row's id.
struct PageOptions: ParsableArguments {
    @Option(parsing: .unconditional,
            help: "At most this many rows, in id order; a note on stderr gives the command for the next page.")
    var limit: Int?

    @Option(help: "Only rows after this id: the last row's id, as the next-page note prints it (number 0000, e.g. CASE-2026-0000: from the start of that year).")
    var after: String?

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError(ReportError.badLimit(limit).description) }
    }

    /// `--after` as an id of `kind`, upper case: a listed id, or number 0000 for "from the start of that year"
    /// (no id has it, so nothing is skipped).
    func afterId(_ kind: StreamKind) throws -> String? {
        guard let after else { return nil }
        let startOfYear = after.trimmingCharacters(in: .whitespaces).uppercased()
        let parts = startOfYear.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 3, let year = Int(parts[1]), kind.normalise(kind.id(year: year, number: 1)) != nil,
           parts[0] == kind.prefix, parts[2] == "0000" {
            return startOfYear
        }
        return try kind.parse(after)
    }

    /// The rows after `--after` (ids compared as the list orders them: by year, then number), at most
    /// `--limit`, and the id to resume after when more follow. `after` is the canonical form of `--after`.
    func page<Row>(_ rows: [Row], after: String?, id: (Row) -> String) -> (rows: [Row], nextAfter: String?) {
        let rest = after.map { key in rows.filter { Self.order(id($0)) > Self.order(key) } } ?? rows
        guard let limit, rest.count > limit else { return (rest, nil) }
        let page = Array(rest.prefix(limit))
        return (page, id(page[limit - 1]))
    }

    /// `CASE-2023-0042` → (2023, 42), the order `ReadableIds` lists streams in.
    static func order(_ id: String) -> (Int, Int) {
        let parts = id.split(separator: "-")
        guard parts.count == 3, let year = Int(parts[1]), let number = Int(parts[2]) else { return (0, 0) }
        return (year, number)
    }
}
