import ArgumentParser

// Stand-in entry point on the backend branch; on main, `Orchat` (Orchat.swift) is the root
// command and lists `DemoCommand` among its subcommands.
struct OrchatEntry: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "orchat", subcommands: [DemoCommand.self])
}

OrchatEntry.main()
