#include "http/static_files.h"

#include <filesystem>

#include "base/csv.h"

namespace shegong::http {

namespace {

std::string_view content_type_for(std::string_view ext) {
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json") return "application/json; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".geojson") return "application/geo+json";
  return "application/octet-stream";
}

}  // namespace

std::optional<Response> serve_static(const std::string& root, std::string_view path) {
  if (root.empty() || path.find("..") != std::string_view::npos || path.find('\0') != path.npos) {
    return std::nullopt;
  }
  std::filesystem::path rel = std::string(path.empty() || path == "/" ? "/index.html" : path);
  std::string ext = rel.extension().string();
  if (ext.empty()) {
    rel = "/index.html";
    ext = ".html";
  }
  auto body = read_file(root + rel.string());
  if (!body.ok()) return std::nullopt;
  Response r;
  r.content_type = std::string(content_type_for(ext));
  r.body = std::move(body).value();
  bool immutable = path.substr(0, 8) == "/assets/";
  r.set_header("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
  r.set_header("X-Content-Type-Options", "nosniff");
  return r;
}

}  // namespace shegong::http
