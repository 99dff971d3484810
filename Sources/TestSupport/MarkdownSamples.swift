/// Sample assistant replies that exercise every markdown element, for layout tests,
/// snapshots and benchmarks.
public enum MarkdownSamples {
  /// Headings, emphasis, inline code, links, lists, a quote, a rule, a table and a code
  /// block, the way a model writes them.
  public static let reply = """
    # Borrowing in Rust

    The reference returned by `first_word` is tied to the lifetime of `s`, so **the borrow \
    checker** rejects code that *outlives* it. See [the book](https://doc.rust-lang.org/book/) \
    or https://example.com/a_b?q=1.

    ## Steps

    1. Read the error.
    2. Find the **owner**:
       - it may be a local
       - or a *field* of `self`
    3. Shorten the borrow.

    > Lifetimes describe scopes;
    > they never change them.

    ---

    | Kind | Moves | Copies |
    | :--- | :---: | -----: |
    | `String` | yes | no |
    | `&str` | no | yes |

    ```swift
    // Elision picks the only input lifetime.
    func firstWord(_ s: String) -> Substring {
      let end = s.firstIndex(of: " ") ?? s.endIndex
      return s[..<end]  /* no copy */
    }
    let count = 42
    ```

    That's all.
    """

  /// Wide and combining text, emoji sequences, long words and URLs.
  public static let international = """
    ## 日本語とemoji 🎉

    東京は日本の首都です。大阪は西日本の中心都市で、食べ物がおいしいことで有名です。

    Café, naïve, e\u{301}t\u{301}e\u{301}: flags 🇯🇵🇫🇷, family 👨‍👩‍👧, skin 👍🏽, heart ❤️, \
    keycap 1️⃣.

    - 한국어 목록 항목입니다
    - Pneumonoultramicroscopicsilicovolcanoconiosis_is_a_very_long_identifier_that_never_fits
    - https://example.com/a/very/long/path/that/keeps/going/and/going/until/it/must/break

    ```
    混在 mixed	tab	columns 🎉 end
    ```
    """

  /// Code in several languages, a fence inside a list item, and a fence left open at the
  /// end as it is while a reply streams.
  public static let code = """
    Install and run:

    ```bash
    # install deps
    export PATH="$HOME/bin:$PATH"
    if [ -f .env ]; then source .env; fi
    ```

    1. Configure:
       ```json
       {"model": "openai/gpt-4o", "stream": true, "max_tokens": 1024, "temperature": 0.7, "extra": null}
       ```
    2. Call it:

    ```python
    def greet(name: str) -> str:
        \"\"\"Say hello.
        Politely.\"\"\"
        return f"Hello, {name}!"  # greet
    ```

    ```ts
    const total: number = items.reduce((a, b) => a + b, 0x10);
    /* multi
       line */ export default total;
    ```

    ```swift
    let message = \"\"\"
      still a string
      \"\"\"
    print(message)
    """

  /// Every sample.
  public static let all = [reply, international, code]
}
