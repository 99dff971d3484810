import Foundation
import TestSupport
import Testing

@testable import OpenRouter

@Suite struct ClientEndpointTests {
  @Test func nonStreamingCompletion() async throws {
    let stub = try await StubOpenRouter.start()
    let client = TestClients.client(for: stub)
    let completion = try await client.complete(
      ChatRequest(model: "stub/nonstream-ok", messages: [.user("hi")], maxTokens: 10))
    #expect(completion.response.content == "Hello!")
    #expect(completion.response.reasoning == "The user wants a greeting.")
    #expect(completion.response.finishReason == .stop)
    #expect(completion.response.usage?.reasoningTokens == 6)
    #expect(completion.response.usage?.cost == Decimal(string: "0.000222"))
    #expect(stub.chatRequests.first?.json?["stream"] == .bool(false))
    await stub.shutdown()
  }

  @Test func nonStreamingErrorOnlyBodyAndPartialError() async throws {
    let stub = try await StubOpenRouter.start()
    let client = TestClients.client(for: stub)
    await #expect(throws: OpenRouterError.self) {
      _ = try await client.complete(
        ChatRequest(model: "stub/nonstream-200-error", messages: [.user("x")]))
    }
    do {
      _ = try await client.complete(
        ChatRequest(model: "stub/nonstream-partial-error", messages: [.user("x")]))
      Issue.record("a partial error must throw")
    } catch let error as OpenRouterError {
      #expect(error.partialContent == "partial output…")
      #expect(error.category == .upstream)
      #expect(!error.isTransient)
    }
    await stub.shutdown()
  }

  @Test func nonStreamingRetriesTransientErrors() async throws {
    let stub = try await StubOpenRouter.start()
    stub.enqueue(StubErrors.reply(status: 502))
    let completion = try await TestClients.client(for: stub).complete(
      ChatRequest(model: "openai/gpt-4o-mini", messages: [.user("hi")]))
    #expect(completion.response.content == "You said: hi")
    #expect(completion.retries.count == 1)
    await stub.shutdown()
  }

  @Test func modelCatalogDecodesPricesAndOddities() async throws {
    let stub = try await StubOpenRouter.start()
    let models = try await TestClients.client(for: stub).models()
    #expect(models.count == 11)
    let auto = try #require(models.first { $0.id == "openrouter/auto" })
    #expect(auto.pricing?.prompt == .variable)
    #expect(auto.pricing?.isVariable == true)
    #expect(auto.topProvider?.contextLength == nil)
    let mini = try #require(models.first { $0.id == "openai/gpt-4o-mini" })
    #expect(mini.pricing?.prompt.perMillion == Decimal(string: "0.15"))
    #expect(mini.supportsTools)
    #expect(mini.supportsImageInput)
    let odd = try #require(models.first { $0.id == "stub/oddities" })
    #expect(odd.contextLength == nil)
    #expect(odd.huggingFaceID == "")
    #expect(odd.pricing?.other["request"] == .fixed(Decimal(string: "0.001")!))
    #expect(odd.defaultParameters?["temperature"] == .null)
    #expect(stub.requests.first?.path == "/api/v1/models")
    await stub.shutdown()
  }

  @Test func generationStatsAreRetriedUntilReady() async throws {
    let stub = try await StubOpenRouter.start()
    let stats = try await TestClients.client(for: stub).generation(
      id: "gen-42", notReadyDelay: .milliseconds(20))
    #expect(stats.id == "gen-42")
    #expect(stats.totalCost == Decimal(string: "0.00001"))
    #expect(stub.requests.map(\.query) == ["id=gen-42", "id=gen-42"])
    await stub.shutdown()
  }

  @Test func keyInfoAndABadKey() async throws {
    let stub = try await StubOpenRouter.start(validKey: "sk-or-v1-good")
    let info = try await TestClients.client(for: stub, key: "sk-or-v1-good").keyInfo()
    #expect(info.limitRemaining == Decimal(string: "74.5"))
    #expect(info.limitReset == "monthly")
    do {
      _ = try await TestClients.client(for: stub, key: "sk-or-v1-bad").keyInfo()
      Issue.record("a bad key must fail")
    } catch let error as OpenRouterError {
      #expect(error.category == .auth)
      #expect(!error.userMessage.contains("sk-or-v1-bad"))
    }
    await stub.shutdown()
  }
}
