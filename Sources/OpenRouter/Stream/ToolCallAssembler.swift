/// Joins streamed tool-call fragments into whole calls
/// (OpenRouter.docc/Streaming.md, Tool-call deltas), including the messy ones
/// (OpenRouter.docc/EdgeCases.md, cases 27–32).
///
/// **Invariants:** `calls` is in order of first appearance; every call has a non-empty id
/// that no other call has.
struct ToolCallAssembler: Sendable {
  private struct Call: Sendable {
    var index: Int
    var id: String
    var name: String
    var arguments: String
  }

  private var calls: [Call] = []
  private var synthesizedCount = 0

  var isEmpty: Bool { calls.isEmpty }

  /// Merges one fragment; returns it with the index and id it was filed under.
  mutating func add(_ fragment: ToolCallFragment) -> ToolCallFragment {
    let position = position(for: fragment)
    var call = calls[position]
    if call.name.isEmpty, let name = fragment.name, !name.isEmpty { call.name = name }
    if let arguments = fragment.arguments { call.arguments += arguments }
    calls[position] = call
    var resolved = fragment
    resolved.index = call.index
    resolved.id = call.id
    return resolved
  }

  /// The finished calls; arguments that stayed empty become `{}`.
  var toolCalls: [ToolCall] {
    calls.map {
      ToolCall(id: $0.id, name: $0.name, arguments: $0.arguments.isEmpty ? "{}" : $0.arguments)
    }
  }

  private mutating func position(for fragment: ToolCallFragment) -> Int {
    let id = fragment.id ?? ""
    if let index = fragment.index {
      if let existing = calls.firstIndex(where: { $0.index == index }) { return existing }
      return append(index: index, id: id)
    }
    if !id.isEmpty, let existing = calls.firstIndex(where: { $0.id == id }) { return existing }
    if !id.isEmpty || calls.isEmpty {
      return append(index: (calls.map(\.index).max() ?? -1) + 1, id: id)
    }
    return calls.count - 1  // no index, no id: a continuation of the most recent call
  }

  private mutating func append(index: Int, id: String) -> Int {
    var id = id
    if id.isEmpty || calls.contains(where: { $0.id == id }) {
      synthesizedCount += 1
      id = "call_orchat_\(synthesizedCount)"
    }
    calls.append(Call(index: index, id: id, name: "", arguments: ""))
    return calls.count - 1
  }
}
