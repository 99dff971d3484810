import ArgumentParser
import ChatApp
import ChatCommands
import ChatCore

/// `orchat usage [--since DATE] [--by agent|model|day] [--json]`.
struct UsageCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "usage",
    abstract: "Tokens and cost of your chat requests, from the request log.")

  @Option(help: "From this date: 2026-05-01, an ISO 8601 time, or 7d (days back).")
  var since: String?

  @Option(help: "Group by agent, model or day.")
  var by: UsageGrouping = .model

  @Flag(help: "Print a JSON object.")
  var json = false

  func run() async throws {
    throw ExitCode(await UsageCommandRunner().run(since: since, by: by, json: json))
  }
}
