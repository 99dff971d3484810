import ChatDomain
import Foundation
import TestSupport
import Testing

@testable import ChatCore

/// The key goes with every request: plain http only to this machine, unless the config
/// allows it.
@Suite struct BaseURLTests {
  func context(environment: [String: String] = [:]) -> AppContext {
    AppContext(
      environment: ProcessEnvironment(values: ["HOME": "/nonexistent"].merging(environment) { $1 }),
      output: MemoryOutput(isTerminal: false), errors: MemoryOutput(isTerminal: false))
  }

  @Test(arguments: [
    "http://example.com/api/v1", "http://10.0.0.5:8080/v1", "HTTP://openrouter.ai/api/v1",
    "http://0.0.0.0:9/v1", "http://127.0.0.1.example.com/v1", "http://[::2]/v1",
    "http://127.0.0.1@example.com/v1", "http://exa mple.com/v1",
  ])
  func plainHTTPToAnotherHostIsRefused(_ url: String) throws {
    let error = try #require(throws: ChatError.self) {
      try context().clientConfiguration(apiKey: "sk-or-v1-k", config: AppConfig(), baseURL: url)
    }
    #expect(error.kind == .configuration)
    #expect(error.message.contains("(from --base-url)"))
    #expect(error.message.contains("allow_insecure_base_url = true"))
    #expect(!error.userMessage.contains("sk-or-v1-k"))
  }

  @Test(arguments: [
    "https://openrouter.ai/api/v1", "http://localhost:8080/v1", "http://127.0.0.1:9/api/v1",
    "http://127.1.2.3/v1", "http://[::1]:8080/v1", "https://example.com/v1",
  ])
  func encryptedOrLocalURLsAreUsed(_ url: String) throws {
    let configuration = try context().clientConfiguration(
      apiKey: "k", config: AppConfig(), baseURL: url)
    #expect(configuration.baseURL == url)
  }

  @Test func everySourceIsCheckedAndNamed() throws {
    var config = AppConfig()
    config.api.baseURL = "http://example.org/v1"
    let fromConfig = try #require(throws: ChatError.self) {
      try context().checkedBaseURL(config: config, override: nil)
    }
    #expect(fromConfig.message.contains("(from base_url in "))
    let fromEnvironment = try #require(throws: ChatError.self) {
      try context(environment: ["OPENROUTER_BASE_URL": "http://example.net/v1"])
        .checkedBaseURL(config: AppConfig(), override: nil)
    }
    #expect(fromEnvironment.message.contains("(from OPENROUTER_BASE_URL)"))
    config.api.allowsInsecureBaseURL = true
    #expect(try context().checkedBaseURL(config: config, override: nil) == "http://example.org/v1")
  }
}
