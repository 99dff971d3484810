import ArgumentParser
import ChatApp
import ChatCommands
import ChatCore

// The option values of the commands, parsed by their raw values. `ChatApp` does not know
// ArgumentParser; only the executable does.
extension TranscriptFormat: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}
extension UsageGrouping: ExpressibleByArgument {}
