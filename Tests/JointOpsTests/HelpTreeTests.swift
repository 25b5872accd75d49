import ArgumentParser
import Foundation
import JointOps
@testable import JointOpsCLI
import Testing

/// Issue 14, point 6: every command's help has an example that parses, and every argument, option and flag says
/// what it is for. The tests walk the parser's own command tree, so a command added later cannot slip.
@Suite struct HelpTreeTests {
    // A command type is a constant of the program: sharing it across the test's tasks is safe.
    struct Command: CustomStringConvertible, @unchecked Sendable {
        let path: [String]
        let type: any ParsableCommand.Type
        var description: String { path.joined(separator: " ") }
        var examples: [String] { Help.examples(in: type.configuration.discussion) }
    }

    /// `jointops` and every command under it, depth first; a command reached twice (`review pass` is also
    /// `case pass-review`) is listed under each path.
    static let commands: [Command] = {
        func walk(_ type: any ParsableCommand.Type, _ path: [String]) -> [Command] {
            [Command(path: path, type: type)] + type.configuration.subcommands.flatMap { walk($0, path + [$0._commandName]) }
        }
        return walk(JointOpsCommand.self, ["jointops"])
    }()

    /// A shell line as the shell splits it: words, quotes removed; redirections and pipes end the command.
    static func words(_ line: String) -> [String] {
        var words: [String] = [], word = "", quote: Character?, inWord = false
        for character in line {
            if let open = quote {
                if character == open { quote = nil } else { word.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
                inWord = true
            } else if character == " " {
                if inWord { words.append(word) }
                word = ""
                inWord = false
            } else {
                word.append(character)
                inWord = true
            }
        }
        if inWord { words.append(word) }
        return Array(words.prefix { !["<", ">", "|", "2>"].contains($0) })
    }

    @Test func theTreeHoldsEveryCommandGroupAndItsCommands() {
        let paths = Set(Self.commands.map(\.description))
        #expect(Self.commands.count > 100, "\(Self.commands.count) commands")
        for path in ["jointops case file", "jointops op record-return", "jointops local replica start", "jointops report"] {
            #expect(paths.contains(path), "\(path) is missing from the walk")
        }
    }

    @Test(arguments: commands) func everyCommandHasAnExampleInItsHelp(_ command: Command) {
        #expect(!command.examples.isEmpty, "`\(command) --help` shows no example: add Help.discussion(examples: …)")
    }

    @Test(arguments: commands) func everyExampleParsesAsTheCommandItIllustrates(_ command: Command) {
        for example in command.examples {
            let arguments = Array(Self.words(example).dropFirst())
            do {
                let parsed = try JointOpsCommand.parseAsRoot(arguments)
                // A group's example may show any of its commands; the root's shows anything, `help` included.
                let illustrated = Self.commands.filter { $0.type == type(of: parsed) }.map(\.path)
                #expect(command.path.count == 1 || illustrated.contains { $0.starts(with: command.path) },
                        "`\(example)` in `\(command) --help` runs \(illustrated.first?.joined(separator: " ") ?? "another command")")
            } catch {
                Issue.record("`\(example)` in `\(command) --help` does not parse: \(JointOpsCommand.message(for: error))")
            }
        }
    }

    @Test func examplesAreLaidOutNarrowEnoughToCopyIntoAShell() throws {
        for command in Self.commands {
            let lines = command.type.configuration.discussion.split(separator: "\n").drop { $0 != "Examples:" }
            // ArgumentParser prints help 80 columns wide: a longer line would be broken where no shell expects it.
            for line in lines {
                #expect(DisplayWidth.of(String(line)) <= 80, "`\(command)`: \(line)")
            }
        }
        let laidOut = Help.laidOut("jointops case file CASE-2026-0012 --agency WSZD --approver ZF-010 --party-name 张三 "
                                   + "--party-id 654202199001011234 --act-date 2026-03-02 --act-place 乌苏市火车站 --sector 黑车")
        #expect(laidOut.split(separator: "\n").count > 1)
        #expect(Help.examples(in: "Examples:\n" + laidOut) == [
            "jointops case file CASE-2026-0012 --agency WSZD --approver ZF-010 --party-name 张三 "
                + "--party-id 654202199001011234 --act-date 2026-03-02 --act-place 乌苏市火车站 --sector 黑车",
        ])
    }

    /// Every argument, option and flag `--help` shows, from ArgumentParser's own description of the tree
    /// (`--experimental-dump-help`): its names and its help text.
    static func shownArguments() throws -> [(command: String, argument: String, help: String)] {
        let dump = try #require(try JSONSerialization.jsonObject(with: Data(JointOpsCommand._dumpHelp().utf8)) as? [String: Any])
        var found: [(String, String, String)] = []
        func walk(_ command: [String: Any], _ path: String) {
            for argument in command["arguments"] as? [[String: Any]] ?? [] where argument["shouldDisplay"] as? Bool != false {
                let names = (argument["names"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
                let name = names.last.map { "--\($0)" } ?? "<\(argument["valueName"] as? String ?? "?")>"
                found.append((path, name, (argument["abstract"] as? String ?? "").trimmingCharacters(in: .whitespaces)))
            }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] {
                walk(sub, path + " " + (sub["commandName"] as? String ?? "?"))
            }
        }
        let root = try #require(dump["command"] as? [String: Any])
        walk(root, "jointops")
        return found
    }

    @Test func everyArgumentOptionAndFlagHasAHelpText() throws {
        let arguments = try Self.shownArguments()
        #expect(arguments.count > 300, "\(arguments.count) arguments: the dump was not walked")
        // `jointops help` is ArgumentParser's own command, its help text not ours to write.
        let bare = arguments.filter { $0.help.isEmpty && $0.command != "jointops help" }.map { "\($0.command) \($0.argument)" }
        #expect(bare == [], "give these a help text")
    }
}
