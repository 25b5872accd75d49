import ArgumentParser
import JointOps

/// The text `--help` and the man page show below a command's abstract: what to know, then examples.
///
/// Every command has at least one example (issue 14); `HelpTreeTests` parses each with the real parser, so an
/// example that stops parsing fails the tests instead of misleading an officer.
enum Help {
    /// Examples are laid out at most this many terminal columns wide, so ArgumentParser (80 columns) never
    /// re-wraps them: a wrapped example could not be copied into a shell.
    static let exampleWidth = 76

    /// `text`, a blank line, "Examples:" and each example, long ones continued over lines ending in ` \`.
    static func discussion(_ text: String = "", examples: String...) -> String {
        let block = "Examples:\n" + examples.map(laidOut).joined(separator: "\n")
        return text.isEmpty ? block : text + "\n\n" + block
    }

    /// One example, broken before its options (`--agency WSZD`) into shell continuation lines.
    static func laidOut(_ example: String) -> String {
        var lines: [String] = []
        var line = "  "
        for segment in segments(of: example) {
            let candidate = line.trimmingCharacters(in: .whitespaces).isEmpty ? line + segment : line + " " + segment
            if DisplayWidth.of(candidate) + 2 > exampleWidth, !line.trimmingCharacters(in: .whitespaces).isEmpty {
                lines.append(line + " \\")
                line = "    " + segment
            } else {
                line = candidate
            }
        }
        return (lines + [line]).joined(separator: "\n")
    }

    /// "jointops case file --agency WSZD --sector 黑车" → ["jointops case file", "--agency WSZD", "--sector 黑车"].
    static func segments(of example: String) -> [String] {
        var segments: [String] = []
        for word in example.split(separator: " ") {
            if word.hasPrefix("-") || segments.isEmpty { segments.append(String(word)) } else { segments[segments.count - 1] += " " + word }
        }
        return segments
    }

    /// The examples in a discussion as shell lines from `jointops` on, continuations joined (a leading
    /// `DATABASE_URL=…` is left out): what `HelpTreeTests` parses.
    static func examples(in discussion: String) -> [String] {
        var examples: [String] = []
        var continuing = false
        for raw in discussion.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            let command = line.split(separator: " ").drop { $0.contains("=") && !$0.hasPrefix("-") }
                .joined(separator: " ")
            if continuing, !examples.isEmpty {
                examples[examples.count - 1] += " " + line
            } else if raw.hasPrefix("  "), command.hasPrefix("jointops ") {
                examples.append(command)
            } else {
                continue
            }
            continuing = examples[examples.count - 1].hasSuffix(" \\")
            if continuing { examples[examples.count - 1].removeLast(2) }
        }
        return examples
    }
}
