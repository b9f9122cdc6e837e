// For end-to-end tests: run the real shegong binary as a child process, either to completion
// (a CLI command) or as a server on a loopback port that the test talks to.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace shegong::testing {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Starts `args` with stdin from `input`, stdout into a pipe and stderr into `err_file`.
using Env = std::vector<std::pair<std::string, std::string>>;

inline pid_t spawn(const std::vector<std::string>& args, const std::string& input, int* out_fd,
                   const std::string& err_file, const Env& env = {}) {
  int in_pipe[2], out_pipe[2];
  if (pipe(in_pipe) != 0 || pipe(out_pipe) != 0) throw std::runtime_error("pipe");
  pid_t pid = fork();
  if (pid == 0) {
    dup2(in_pipe[0], 0);
    dup2(out_pipe[1], 1);
    int err = open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(err, 2);
    close(in_pipe[1]);
    close(out_pipe[0]);
    for (const auto& [name, value] : env) setenv(name.c_str(), value.c_str(), 1);
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(in_pipe[0]);
  close(out_pipe[1]);
  if (!input.empty()) {
    ssize_t n = write(in_pipe[1], input.data(), input.size());
    (void)n;
  }
  close(in_pipe[1]);
  *out_fd = out_pipe[0];
  return pid;
}

inline RunResult run_command(const std::vector<std::string>& args, const std::string& input = "") {
  char tmpl[] = "/tmp/shegong-err-XXXXXX";
  int fd = mkstemp(tmpl);
  close(fd);
  int out_fd = -1;
  pid_t pid = spawn(args, input, &out_fd, tmpl);
  RunResult r;
  char buf[4096];
  ssize_t n;
  while ((n = read(out_fd, buf, sizeof buf)) > 0) r.out.append(buf, n);
  close(out_fd);
  int status = 0;
  waitpid(pid, &status, 0);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.err = slurp(tmpl);
  unlink(tmpl);
  return r;
}

// The last non-empty line of a command's output.
inline std::string last_line(const std::string& text) {
  std::string t = text;
  while (!t.empty() && t.back() == '\n') t.pop_back();
  size_t nl = t.rfind('\n');
  return nl == std::string::npos ? t : t.substr(nl + 1);
}

class ServerProcess {
 public:
  // Starts `shegong serve --db DB --listen 127.0.0.1:0 EXTRA...` and waits for its
  // "listening on http://127.0.0.1:PORT" line.
  ServerProcess(const std::string& binary, const std::string& db, const std::string& log_file,
                std::vector<std::string> extra = {}, const Env& env = {}) {
    std::vector<std::string> args = {binary, "serve", "--db", db, "--listen", "127.0.0.1:0"};
    args.insert(args.end(), extra.begin(), extra.end());
    pid_ = spawn(args, "", &out_fd_, log_file, env);
    std::string seen;
    char c;
    while (read(out_fd_, &c, 1) == 1) {
      seen += c;
      if (c != '\n') continue;
      size_t at = seen.find("listening on http://127.0.0.1:");
      if (at != std::string::npos) {
        port_ = std::stoi(seen.substr(at + 30));
        return;
      }
    }
    throw std::runtime_error("server did not start: " + seen + slurp(log_file));
  }
  ~ServerProcess() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (out_fd_ >= 0) close(out_fd_);
  }
  int port() const { return port_; }
  // SIGTERM, then the exit code (or 128 + signal).
  int stop(int signal = SIGTERM) {
    kill(pid_, signal);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

 private:
  pid_t pid_ = -1;
  int out_fd_ = -1;
  int port_ = 0;
};

}  // namespace shegong::testing
