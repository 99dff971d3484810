import ChatDomain
import Foundation
import OpenRouter
import TestSupport
import Testing

@testable import ChatCore

/// A key with a control character or a space is refused where it is read, with a message
/// that does not print it (OpenRouter.docc/Errors.md, The key).
@Suite struct APIKeyConfigTests {
  @Test(arguments: ["\r", "\n", "\t", " ", "\u{7F}", "\u{85}", "\u{200B}", "\u{2028}"])
  func aKeyInTheEnvironmentWithAControlCharacterOrSpaceIsRefusedWithoutPrintingIt(
    bad: String
  ) throws {
    let key = "sk-or-v1-0123456789abcdef"
    let context = AppContext(
      environment: ProcessEnvironment(values: ["OPENROUTER_API_KEY": key + bad]))
    let error = try #require(throws: ChatError.self) { try context.apiKey(config: AppConfig()) }
    #expect(error.kind == .configuration)
    #expect(
      error.userMessage
        == "OPENROUTER_API_KEY contains a control character or space; set it again without them")
    let inside = AppContext(
      environment: ProcessEnvironment(values: ["OPENROUTER_API_KEY": "sk-or-v1-01234\(bad)56789"]))
    #expect(throws: ChatError.self) { try inside.apiKey(config: AppConfig()) }
  }

  @Test func aWellFormedKeyIsReturned() throws {
    let context = AppContext(
      environment: ProcessEnvironment(values: ["OPENROUTER_API_KEY": "sk-or-v1-ok"]))
    #expect(try context.apiKey(config: AppConfig()) == "sk-or-v1-ok")
    let none = AppContext(environment: ProcessEnvironment(values: [:]))
    #expect(try none.apiKey(config: AppConfig()) == nil)
  }

  @Test func aKeyInTheConfigFileWithAControlCharacterIsRefusedWithoutPrintingIt() throws {
    let home = try TemporaryDirectory()
    let file = try home.write(
      "api_key = \"sk-or-v1-0123\\u0007456789\"\n", to: "config.toml", mode: 0o600)
    let error = try #require(throws: ChatError.self) { try AppConfig.load(from: file) }
    #expect(
      error.userMessage
        == "\(file.path):1: api_key: contains a control character or space; set it again without them"
    )
  }
}
