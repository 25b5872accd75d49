import ArgumentParser

/// Where a command line points in the command tree: the commands its first words name, for the usage line's
/// `--help` pointer and for "did you mean" when the next word names no command.
struct CommandPath {
    /// "jointops", "case", "file".
    let names: [String]
    let command: ParsableCommand.Type
    /// The first word after the path, when it is no option: a subcommand that does not exist, if the
    /// command has subcommands.
    let nextWord: String?

    init(arguments: [String], root: ParsableCommand.Type = JointOpsCommand.self) {
        var command = root, names = [root._commandName], rest = arguments[...]
        while let word = rest.first, let sub = command.configuration.subcommands.first(where: {
            $0._commandName == word || $0.configuration.aliases.contains(word)
        }) {
            command = sub
            names.append(sub._commandName)
            rest = rest.dropFirst()
        }
        self.command = command
        self.names = names
        nextWord = rest.first.flatMap { $0.hasPrefix("-") ? nil : $0 }
    }

    /// "see `jointops case file --help`": how every usage line ends.
    var helpPointer: String { "see `\(names.joined(separator: " ")) --help`" }

    /// `line` ending with the help pointer: "…; see `jointops case --help`" (after a question, "…? see …").
    func pointing(_ line: String) -> String { line + (line.hasSuffix("?") ? " " : "; ") + helpPointer }

    /// "`recieve-lead` is not a command of `jointops case`: did you mean `receive-lead`?", or nil when the
    /// words name a command.
    var unknownSubcommand: String? {
        let subcommands = command.configuration.subcommands
        guard let word = nextWord, !subcommands.isEmpty else { return nil }
        let known = subcommands.flatMap { [$0._commandName] + $0.configuration.aliases }
        let group = names.joined(separator: " ")
        guard let nearest = Nearest.word(to: word, among: known) else {
            return "`\(word)` is not a command of `\(group)`"
        }
        return "`\(word)` is not a command of `\(group)`: did you mean `\(nearest)`?"
    }
}

/// The nearest of some names to a mistyped one, by edit distance (insertions, deletions, substitutions).
enum Nearest {
    /// The closest name, when it is close enough to be what was meant: at most 2 edits, or a third of the word.
    static func word(to typed: String, among names: [String]) -> String? {
        let lowered = typed.lowercased()
        let scored = names.map { (name: $0, distance: distance(lowered, $0.lowercased())) }
        guard let best = scored.min(by: { $0.distance < $1.distance }),
              best.distance <= max(2, typed.count / 3) else { return nil }
        return best.name
    }

    /// Levenshtein distance over characters.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
