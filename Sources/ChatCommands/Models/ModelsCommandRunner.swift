import ChatCore
import ChatDomain
import Formatting
import Foundation
import OpenRouter

/// What `orchat models` lists.
public struct ModelsOptions: Sendable {
  /// Fuzzy search text; `nil` lists all.
  public var search: String?
  public var filter: ModelFilter
  /// Fetch the live listing first.
  public var refresh: Bool
  public var json: Bool
  public var baseURL: String?

  public init(
    search: String? = nil, maxPricePerMillion: Decimal? = nil, minContextLength: Int? = nil,
    requiresTools: Bool = false, requiresReasoning: Bool = false,
    requiresImageInput: Bool = false, refresh: Bool = false, json: Bool = false,
    baseURL: String? = nil
  ) {
    self.search = search
    self.filter = ModelFilter(
      maxPricePerMillion: maxPricePerMillion, minContextLength: minContextLength,
      requiresTools: requiresTools, requiresReasoning: requiresReasoning,
      requiresImageInput: requiresImageInput)
    self.refresh = refresh
    self.json = json
    self.baseURL = baseURL
  }
}

/// Runs `orchat models`: the merged catalog (bundled snapshot or the cached live listing),
/// searched and filtered; `--refresh` fetches the live listing first.
public struct ModelsCommandRunner: Sendable {
  let context: AppContext

  public init(context: AppContext = AppContext()) {
    self.context = context
  }

  public func run(_ options: ModelsOptions) async -> Int32 {
    do {
      var catalog = options.refresh ? try await refresh(baseURL: options.baseURL) : load()
      // The bundled snapshot is OpenRouter's list. Another OpenAI-compatible endpoint (a
      // local llama.cpp or Ollama) lists its own models: fetch them when none are cached.
      if !options.refresh, catalog.origin == .bundled,
        !Endpoint.isOpenRouter(
          context.baseURL(flag: options.baseURL, config: try? context.loadConfig()))
      {
        catalog = try await refresh(baseURL: options.baseURL)
      }
      let matches = catalog.search(options.search ?? "", filter: options.filter)
      if options.json {
        context.output.write(try JSONText.encode(matches.map { ModelJSON($0.model) }))
      } else {
        context.output.write(table(matches.map(\.model)))
        let origin =
          catalog.origin == .live
          ? "fetched \(Format.time(catalog.fetchedAt))"
          : "bundled snapshot of \(Format.time(catalog.fetchedAt, zone: .utc)) UTC; "
            + "orchat models --refresh for the live list"
        context.errors.write("\(matches.count) of \(catalog.models.count) models (\(origin))\n")
      }
      return 0
    } catch {
      return context.fail(error)
    }
  }

  private func load() -> ModelCatalog {
    let catalog = ModelCatalog.load(cacheURL: context.paths.modelCache)
    if let problem = catalog.cacheProblem {
      context.errors.write("warning: \(problem.userMessage)\n")
    }
    return catalog
  }

  /// `GET /models` needs no key; one is sent when there is one.
  private func refresh(baseURL: String?) async throws -> ModelCatalog {
    let config = try context.loadConfig()
    let configuration = try context.clientConfiguration(
      apiKey: try context.apiKey(config: config) ?? "", config: config, baseURL: baseURL)
    let store = try await context.openStore()
    let transport = context.transport(config: config)
    let client = OpenRouterClient(configuration: configuration, transport: transport)
    do {
      let catalog = try await ModelCatalog.refresh(
        using: client, cacheURL: context.paths.modelCache, log: store)
      await transport.shutdown()
      return catalog
    } catch {
      await transport.shutdown()
      throw error
    }
  }

  private func table(_ models: [ModelSummary]) -> String {
    var table = TextTable([
      ("ID", .left), ("CONTEXT", .right), ("$/M IN", .right), ("$/M OUT", .right),
      ("TOOLS", .left), ("REASONING", .left), ("IMAGES", .left), ("NAME", .left),
    ])
    for model in models {
      table.append([
        model.id, model.contextLength.map(String.init) ?? "-",
        Self.price(model.promptPrice), Self.price(model.completionPrice),
        model.supportsTools ? "yes" : "-", model.supportsReasoning ? "yes" : "-",
        model.supportsImageInput ? "yes" : "-", model.name,
      ])
    }
    return table.text
  }

  /// A table cell: `3.00`, `free`, `variable`, or `-` when the endpoint lists no price.
  static func price(_ price: ModelPrice) -> String {
    price == .unknown ? "-" : Format.pricePerMillion(price.perMillion)
  }
}
