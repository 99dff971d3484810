extension Agent {
  /// The agents that exist without any files. Their models are in the bundled catalog
  /// (a test keeps it so); each has a fallback from another vendor, so one provider's outage
  /// does not stop the agent.
  public static let builtIns: [Agent] = [
    Agent(
      name: "assistant",
      description: "General questions, quick and inexpensive",
      systemPrompt: "You are a helpful assistant. Answer clearly and concisely.",
      model: "openai/gpt-5-mini",
      fallbackModels: ["google/gemini-2.5-flash"],
      tags: ["general"]),
    Agent(
      name: "coder",
      description: "Programming: writes, explains and reviews code",
      systemPrompt: """
        You are an expert software engineer. Give correct, idiomatic code with brief \
        explanations. Point out bugs and risks you notice. Use fenced code blocks.
        """,
      model: "anthropic/claude-sonnet-4.6",
      fallbackModels: ["openai/gpt-5.1"],
      temperature: 0.2,
      maxTokens: 8192,
      tags: ["code"]),
    Agent(
      name: "writer",
      description: "Drafting and editing prose",
      systemPrompt: """
        You are a skilled writer and editor. Match the requested tone, keep the author's \
        voice, and prefer plain words.
        """,
      model: "google/gemini-2.5-pro",
      fallbackModels: ["anthropic/claude-sonnet-4.6"],
      temperature: 0.9,
      tags: ["writing"]),
  ]
}
