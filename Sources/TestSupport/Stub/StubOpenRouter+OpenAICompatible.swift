import Foundation
import OpenRouter

/// The stub as a plain OpenAI-compatible server (`StubOpenRouter.Flavor.openAICompatible`),
/// the shapes a local llama.cpp or Ollama server sends: `GET /models` is OpenAI's list
/// (`id`, `object`, `created`, `owned_by` and nothing else: no names, prices, context
/// lengths or architecture); chunks carry no `provider`, `native_finish_reason` or
/// `usage.cost`; there is no `X-Generation-Id`; and `/key`, `/generation` and anything else
/// are a plain-text 404, as Ollama answers unknown paths.
extension StubOpenRouter {
  public static let openAICompatibleModelsJSON =
    #"{"object":"list","data":["#
    + #"{"id":"llama-3.2-3b-instruct","object":"model","created":1733000000,"owned_by":"llamacpp"},"#
    + #"{"id":"mistral-small","object":"model","created":1733200000,"owned_by":"user"},"#
    + #"{"id":"qwen2.5-coder:7b","object":"model","created":1733100000,"owned_by":"library"}]}"#

  func openAICompatibleRoute(_ request: CapturedRequest) -> StubReply {
    let path = request.path
    if path.hasSuffix("/models") {
      return .json(Self.openAICompatibleModelsJSON)
    }
    guard path.hasSuffix("/chat/completions") else {
      return StubReply(
        status: 404, headers: [("Content-Type", "text/plain")],
        steps: [.bytes(Array("404 page not found".utf8))])
    }
    let queued = state.withLock { state in state.queue.isEmpty ? nil : state.queue.removeFirst() }
    if let queued { return queued(request) }
    let chat = try? request.chatRequest()
    let model = chat?.model ?? chat?.models?.first ?? "local-model"
    let said = chat?.messages.last { $0.role == .user }?.content?.text ?? ""
    let reply = "You said: \(said)"
    let head =
      #""id":"chatcmpl-7Qd2local","created":1733000000,"model":\#(StubChunks.quote(model)),"#
      + #""system_fingerprint":"b4273""#
    let usage = #""usage":{"prompt_tokens":9,"completion_tokens":4,"total_tokens":13}"#
    guard chat?.stream == true else {
      return .json(
        "{\(head),\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":"
          + "{\"role\":\"assistant\",\"content\":\(StubChunks.quote(reply))},"
          + "\"logprobs\":null,\"finish_reason\":\"stop\"}],\(usage)}")
    }
    func chunk(_ delta: String, finish: String?) -> SSEItem {
      .data(
        "{\(head),\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
          + "\"delta\":{\(delta)},\"logprobs\":null,\"finish_reason\":"
          + "\(finish.map(StubChunks.quote) ?? "null")}]}")
    }
    let words = reply.split(separator: " ", omittingEmptySubsequences: false)
    let tokens = words.enumerated().map { $0.offset == 0 ? String($0.element) : " " + $0.element }
    return .sse(
      [chunk(#""role":"assistant","content":"""#, finish: nil)]
        + tokens.map { chunk("\"content\":\(StubChunks.quote($0))", finish: nil) }
        + [
          chunk("", finish: "stop"),
          .data("{\(head),\"object\":\"chat.completion.chunk\",\"choices\":[],\(usage)}"), .done,
        ])
  }
}
