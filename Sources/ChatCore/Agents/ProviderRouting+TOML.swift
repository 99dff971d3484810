import ChatDomain

extension Agent.ProviderRouting {
  /// The keys of a `[provider]` table, in an agent file or `config.toml`.
  static let fileKeys: Set<String> = [
    "order", "sort", "allow_fallbacks", "only", "ignore", "data_collection", "zdr",
    "require_parameters", "quantizations", "max_price",
  ]

  /// Reads a `[provider]` table (OpenRouter.docc/Requests.md, Provider routing).
  ///
  /// ```toml
  /// [provider]
  /// order = ["anthropic", "amazon-bedrock"]
  /// sort = "throughput"
  /// allow_fallbacks = true
  /// only = ["anthropic"]
  /// ignore = ["deepinfra"]
  /// data_collection = "deny"
  /// zdr = true
  /// require_parameters = true
  /// quantizations = ["fp8", "bf16"]
  /// max_price = { prompt = 3, completion = 15 }    # USD per million tokens
  /// ```
  /// - Throws: `ChatError` naming the file, the line and the key (`provider.zdr`).
  static func parse(_ table: TOMLTableReader) throws -> Agent.ProviderRouting {
    try table.rejectUnknownKeys(fileKeys)
    var routing = Agent.ProviderRouting(
      order: try table.strings("order"), sort: try table.choice("sort", in: Agent.providerSorts),
      allowFallbacks: try table.boolean("allow_fallbacks"), only: try table.strings("only"),
      ignore: try table.strings("ignore"),
      dataCollection: try table.choice("data_collection", in: Agent.dataCollectionPolicies),
      zdr: try table.boolean("zdr"), requireParameters: try table.boolean("require_parameters"))
    if let levels = try table.strings("quantizations") {
      if let unknown = levels.first(where: { !Agent.quantizationLevels.contains($0) }) {
        throw table.error(
          "quantizations",
          "\"\(unknown)\" is not a quantization (expected some of: "
            + Agent.quantizationLevels.joined(separator: ", ") + ")")
      }
      guard !levels.isEmpty else {
        throw table.error("quantizations", "must list at least one quantization")
      }
      routing.quantizations = levels
    }
    if let price = try table.table("max_price") {
      try price.rejectUnknownKeys(["prompt", "completion"])
      let range: ClosedRange<Double> = 0...100_000
      let caps = Agent.ProviderRouting.MaxPrice(
        prompt: try price.number("prompt", in: range),
        completion: try price.number("completion", in: range))
      guard caps.prompt != nil || caps.completion != nil else {
        throw table.error("max_price", "needs prompt or completion (USD per million tokens)")
      }
      routing.maxPrice = caps
    }
    for key in ["only", "ignore", "order"] {
      if let list = try table.strings(key), list.isEmpty {
        throw table.error(key, "must list at least one provider")
      }
    }
    if let only = routing.only, let ignore = routing.ignore,
      let both = only.first(where: ignore.contains)
    {
      throw table.error("ignore", "\"\(both)\" is also in only")
    }
    return routing
  }
}
