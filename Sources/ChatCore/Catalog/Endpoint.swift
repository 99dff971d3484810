import ChatDomain
import Foundation

/// Facts about an API base URL: whether it is OpenRouter's (whose catalog orchat bundles)
/// or another OpenAI-compatible server (llama.cpp, Ollama, vLLM…), which lists its own
/// models in the plain OpenAI shape and has no `/key`, costs or generation stats.
public enum Endpoint {
  /// Whether `baseURL` is on `openrouter.ai`.
  public static func isOpenRouter(_ baseURL: String) -> Bool {
    guard let host = URLComponents(string: baseURL)?.host?.lowercased() else { return false }
    return host == "openrouter.ai" || host.hasSuffix(".openrouter.ai")
  }

  /// Whether `baseURL` names this machine (`localhost`, `127.0.0.1`, `::1`).
  public static func isLoopback(_ baseURL: String) -> Bool {
    guard let host = URLComponents(string: baseURL)?.host?.lowercased() else { return false }
    return host == "localhost" || host.hasPrefix("127.") || host == "::1" || host == "[::1]"
  }

  /// `baseURL` without trailing slashes, for comparing.
  public static func normalized(_ baseURL: String) -> String {
    var text = baseURL.trimmingCharacters(in: .whitespaces)
    while text.hasSuffix("/") { text.removeLast() }
    return text
  }

  /// The base URL a cached catalog was fetched from: its `source` is
  /// `GET <base URL>/models` (see `ModelCatalog.refresh`); `nil` for any other source.
  public static func baseURL(ofCatalogSource source: String) -> String? {
    guard source.hasPrefix("GET "), source.hasSuffix("/models") else { return nil }
    let base = source.dropFirst(4).dropLast("/models".count)
    return base.isEmpty || base.contains(" ") ? nil : String(base)
  }
}
