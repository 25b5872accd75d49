import Foundation
import JointOpsCLI

// The one place the command line exits: 0, or the status of the error (DESIGN.md §5: 2, 3, 4, 5).
exit(CommandLineTool.run(Array(CommandLine.arguments.dropFirst())))
