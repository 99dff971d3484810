import Foundation

/// Runs the real `orchat` binary for end-to-end tests.
///
/// Output goes to temporary files rather than pipes (no pipe-buffer deadlocks), and exit is
/// awaited through `terminationHandler`, never `waitUntilExit`, so a test never blocks one of
/// the few cooperative threads the in-process stub server needs.
public struct BinaryRunner: Sendable {
  public var executable: String

  public init(executable: String) {
    self.executable = executable
  }

  /// The binary SwiftPM built: `E2E_BIN`, else `<package>/.build/debug/orchat`, found from
  /// the calling test file's path.
  public static func orchat(testFile: String = #filePath) throws -> BinaryRunner {
    if let override = ProcessInfo.processInfo.environment["E2E_BIN"], !override.isEmpty {
      return BinaryRunner(executable: override)
    }
    var root = URL(fileURLWithPath: testFile)
    while root.path != "/" {
      root.deleteLastPathComponent()
      if FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) {
        break
      }
    }
    let binary = root.appendingPathComponent(".build/debug/orchat").path
    guard FileManager.default.isExecutableFile(atPath: binary) else {
      throw RunnerError.missingBinary(binary)
    }
    return BinaryRunner(executable: binary)
  }

  public enum RunnerError: Error, CustomStringConvertible {
    case missingBinary(String)
    case timedOut(String)

    public var description: String {
      switch self {
      case .missingBinary(let path): return "no orchat binary at \(path): run `swift build` first"
      case .timedOut(let command): return "timed out waiting for \(command)"
      }
    }
  }

  /// What a finished run left behind.
  public struct Result: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
    /// True when the process ended by a signal (then `status` is the signal number).
    public var wasSignalled: Bool
  }

  /// A started process, for tests that act while it runs (Ctrl-C, SIGKILL).
  public final class Running: Sendable {
    let process: Process
    let stdoutPath: String
    let stderrPath: String
    let exit: Task<Void, Never>

    init(process: Process, stdoutPath: String, stderrPath: String, exit: Task<Void, Never>) {
      self.process = process
      self.stdoutPath = stdoutPath
      self.stderrPath = stderrPath
      self.exit = exit
    }

    public var pid: Int32 { process.processIdentifier }
    public var stdoutSoFar: String {
      (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? ""
    }

    public func signal(_ number: Int32) { kill(process.processIdentifier, number) }

    /// Waits until standard output contains `text`.
    public func waitForOutput(containing text: String, timeout: Duration = .seconds(10))
      async throws
    {
      let deadline = ContinuousClock.now + timeout
      while !stdoutSoFar.contains(text) {
        guard ContinuousClock.now < deadline else {
          throw RunnerError.timedOut("output \"\(text)\"")
        }
        try await Task.sleep(for: .milliseconds(10))
      }
    }

    public func finish(timeout: Duration = .seconds(30)) async throws -> Result {
      let finished = await withTaskGroup(of: Bool.self) { group in
        group.addTask {
          await self.exit.value
          return true
        }
        group.addTask {
          try? await Task.sleep(for: timeout)
          return false
        }
        let first = await group.next() ?? false
        group.cancelAll()
        return first
      }
      guard finished else {
        process.terminate()
        throw RunnerError.timedOut(process.arguments?.joined(separator: " ") ?? "process")
      }
      defer {
        try? FileManager.default.removeItem(atPath: stdoutPath)
        try? FileManager.default.removeItem(atPath: stderrPath)
      }
      return Result(
        status: process.terminationStatus,
        stdout: (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "",
        stderr: (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "",
        wasSignalled: process.terminationReason == .uncaughtSignal)
    }
  }

  /// Starts the binary with `arguments`, an environment of exactly `environment` (plus PATH
  /// and a C.UTF-8 locale), and `stdin` as standard input (`nil`: /dev/null).
  public func start(
    _ arguments: [String], environment: [String: String] = [:], stdin: String? = nil,
    executable: String? = nil, stdinData: Data? = nil
  ) throws -> Running {
    let stdinBytes = stdinData ?? stdin.map { Data($0.utf8) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable ?? self.executable)
    process.arguments = arguments
    var env = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": NSTemporaryDirectory()]
    env.merge(environment) { $1 }
    process.environment = env
    let id = UUID().uuidString
    let stdoutPath = NSTemporaryDirectory() + "orchat-\(id).out"
    let stderrPath = NSTemporaryDirectory() + "orchat-\(id).err"
    _ = FileManager.default.createFile(atPath: stdoutPath, contents: nil)
    _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: stdoutPath))
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: stderrPath))
    let input = Pipe()
    process.standardInput = stdinBytes == nil ? FileHandle.nullDevice : input
    let (exited, continuation) = AsyncStream.makeStream(of: Void.self)
    process.terminationHandler = { _ in
      continuation.yield()
      continuation.finish()
    }
    try process.run()
    if let stdinBytes {
      input.fileHandleForWriting.write(stdinBytes)
      try input.fileHandleForWriting.close()
    }
    let exit = Task {
      for await _ in exited { break }
    }
    return Running(process: process, stdoutPath: stdoutPath, stderrPath: stderrPath, exit: exit)
  }

  /// Runs the binary to completion.
  public func run(
    _ arguments: [String], environment: [String: String] = [:], stdin: String? = nil,
    stdinData: Data? = nil, timeout: Duration = .seconds(30)
  ) async throws -> Result {
    try await start(arguments, environment: environment, stdin: stdin, stdinData: stdinData)
      .finish(timeout: timeout)
  }
}
