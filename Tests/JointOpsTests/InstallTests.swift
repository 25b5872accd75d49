import Foundation
import JointOps
import Testing

/// Issue 14, point 6: `make install PREFIX=…` (its script, with the binary already built) puts the binary, the
/// shell completions and a man page generated from the parser where shells and `man` look for them.
@Suite struct InstallTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func installPutsBinaryCompletionsAndAManPageThatRendersUnderThePrefix() throws {
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("jointops-install-\(UUID())")
        defer { try? FileManager.default.removeItem(at: prefix) }
        let install = try ProcessRunner.run(Self.repository.appendingPathComponent("scripts/install.sh").path,
                                            [prefix.path, CLIRunner.binary.path])
        #expect(install.status == 0, "\(install.output)")
        let files = ["bin/jointops", "share/man/man1/jointops.1", "share/bash-completion/completions/jointops",
                     "share/zsh/site-functions/_jointops", "share/fish/vendor_completions.d/jointops.fish"]
        for file in files {
            let size = (try? FileManager.default.attributesOfItem(atPath: prefix.appendingPathComponent(file).path)[.size]) as? Int
            #expect((size ?? 0) > 0, "\(file) is missing or empty")
        }
        #expect(FileManager.default.isExecutableFile(atPath: prefix.appendingPathComponent("bin/jointops").path))
        let bash = try String(contentsOf: prefix.appendingPathComponent("share/bash-completion/completions/jointops"), encoding: .utf8)
        #expect(bash.contains("receive-lead") && bash.contains("blackCar"), "bash completes commands and listed values")

        // The page is written from the parser's tree, Chinese included; groff lays it out without a warning.
        let page = try String(contentsOf: prefix.appendingPathComponent("share/man/man1/jointops.1"), encoding: .utf8)
        #expect(page.contains(".TH JOINTOPS 1") && page.contains(".SS \"jointops case receive\\-lead\""), "\(page.prefix(300))")
        let manual = prefix.appendingPathComponent("share/man/man1/jointops.1").path
        let rendered = try ProcessRunner.run("/bin/sh", ["-c", "groff -k -mandoc -Tutf8 \"$0\" | col -b", manual])
        #expect(rendered.status == 0, "\(rendered.output.prefix(500))")
        for text in ["NAME", "EXIT STATUS", "联合执法协调", "jointops case file CASE-2026-0012 --agency WSZD", "blackCar — 非法营运（黑车）"] {
            #expect(rendered.output.contains(text), "the rendered page lacks \(text)")
        }
        let warnings = try ProcessRunner.run("/bin/sh", ["-c", "groff -k -mandoc -Tutf8 -ww \"$0\" 2>&1 >/dev/null", manual])
        #expect(warnings.status == 0 && warnings.output.isEmpty, "groff warns: \(warnings.output.prefix(500))")
    }
}
