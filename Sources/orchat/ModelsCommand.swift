import ArgumentParser
import ChatApp
import ChatCommands
import ChatCore
import Foundation

/// `orchat models [--search Q] [--refresh] [--json]` and filters.
struct ModelsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "models",
    abstract: "List the models of the catalog; prices are USD per million tokens.")

  @Option(help: "Fuzzy search over id and name (g4o finds openai/gpt-4o).")
  var search: String?

  @Flag(help: "Fetch the live list from OpenRouter first (cached for later runs).")
  var refresh = false

  @Flag(help: "Print a JSON array.")
  var json = false

  @Option(name: .customLong("max-price"), help: "Highest price per million tokens, in and out.")
  var maxPrice: Double?

  @Option(name: .customLong("min-context"), help: "Least context length in tokens.")
  var minContext: Int?

  @Flag(help: "Only models that support tool calls.")
  var tools = false

  @Flag(help: "Only models that can reason.")
  var reasoning = false

  @Flag(help: "Only models that accept images.")
  var image = false

  @Option(name: .customLong("base-url"), help: "API base URL for --refresh.")
  var baseURL: String?

  func run() async throws {
    let options = ModelsOptions(
      search: search, maxPricePerMillion: maxPrice.flatMap { Decimal(string: String($0)) },
      minContextLength: minContext, requiresTools: tools, requiresReasoning: reasoning,
      requiresImageInput: image, refresh: refresh, json: json, baseURL: baseURL)
    throw ExitCode(await ModelsCommandRunner().run(options))
  }
}
