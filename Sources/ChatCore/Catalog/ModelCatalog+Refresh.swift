import ChatDomain
import Foundation
import OpenRouter

extension ModelCatalog {
  /// The merged catalog: the bundled snapshot and the cache at `cacheURL`. A cache that
  /// cannot be read is ignored and reported in `cacheProblem`.
  public static func load(cacheURL: URL) -> ModelCatalog {
    do {
      let cached = try readCache(at: cacheURL)
      return merged(bundled: BundledCatalog.snapshot, cached: cached)
    } catch let error as ChatError {
      var catalog = merged(bundled: BundledCatalog.snapshot, cached: nil)
      catalog.cacheProblem = error
      return catalog
    } catch {
      var catalog = merged(bundled: BundledCatalog.snapshot, cached: nil)
      catalog.cacheProblem = ChatError.storage(String(describing: error), file: cacheURL.path)
      return catalog
    }
  }

  /// The cached listing, or `nil` when there is no cache yet.
  /// - Throws: `ChatError` of kind `storage` for an unreadable or damaged cache.
  static func readCache(at url: URL) throws -> CatalogSnapshot? {
    guard FileManager.default.fileExists(atPath: url.path) else { return nil }
    do {
      return try CatalogSnapshot.decode(try Data(contentsOf: url))
    } catch {
      throw ChatError.storage(
        "the model cache is damaged (\(FileProblem.reason(error))); run orchat models --refresh",
        file: url.path)
    }
  }

  /// Fetches `GET /models`, writes the cache, and returns the fresh catalog. The call is
  /// added to the request log when `log` is given.
  /// - Throws: `ChatError` (`provider` when the API fails, `storage` when the cache
  ///   cannot be written); the previous cache is then left as it was.
  public static func refresh(
    using client: OpenRouterClient, cacheURL: URL, log: SessionStore? = nil, now: Date = Date()
  ) async throws -> ModelCatalog {
    let start = ContinuousClock.now
    let result: Result<[ModelInfo], OpenRouterError>
    do {
      result = .success(try await client.models())
    } catch let error as OpenRouterError {
      result = .failure(error)
    }
    let duration = (ContinuousClock.now - start).wholeMilliseconds
    if let log {
      try await log.logRequest(logEntry(for: result, startedAt: now, duration: duration))
    }
    switch result {
    case .failure(let error):
      throw ChatError(provider: error)
    case .success(let models):
      let snapshot = CatalogSnapshot(
        fetchedAt: now, source: "GET \(client.configuration.baseURL)/models",
        models: models.map(ModelSummary.init))
      try AppPaths.ensureDirectory(cacheURL.deletingLastPathComponent())
      try FileProblem.writeAtomically(try snapshot.encoded(), to: cacheURL)
      return ModelCatalog(snapshot: snapshot, origin: .live)
    }
  }

  private static func logEntry(
    for result: Result<[ModelInfo], OpenRouterError>, startedAt: Date, duration: Int
  ) -> RequestLogEntry {
    switch result {
    case .success:
      return RequestLogEntry(
        startedAt: startedAt, endpoint: "/models", outcome: .ok, httpStatus: 200,
        durationMilliseconds: duration)
    case .failure(let error):
      return RequestLogEntry(
        startedAt: startedAt, endpoint: "/models",
        outcome: error.category == .cancelled ? .cancelled : .error, httpStatus: error.status,
        attempts: error.attempts,
        retryWaitsMilliseconds: error.retryWaits.map(\.wholeMilliseconds),
        durationMilliseconds: duration,
        errorCategory: ChatError.ProviderFailure(error.category).rawValue,
        errorMessage: error.userMessage)
    }
  }
}
