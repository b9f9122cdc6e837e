#include "base/crypto.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <mutex>

namespace shegong::crypto {

namespace {
// OWASP's argon2id floor (t=2, m=19 MiB) raised to t=3: ~36 ms per verification on this hardware.
constexpr unsigned long long kOpsLimit = 3;
constexpr size_t kMemLimit = 19 * 1024 * 1024;
}  // namespace

void init() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sodium_init() < 0) std::abort();
  });
}

std::string random_bytes(size_t n) {
  init();
  std::string out(n, '\0');
  randombytes_buf(out.data(), n);
  return out;
}

std::string random_token() {
  std::string raw = random_bytes(32);
  std::string out(sodium_base64_ENCODED_LEN(raw.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING),
                  '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(raw.data()),
                    raw.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

std::string to_hex(std::string_view bytes) {
  std::string out(bytes.size() * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                 bytes.size());
  out.pop_back();
  return out;
}

Result<std::string> from_hex(std::string_view hex) {
  std::string out(hex.size() / 2, '\0');
  size_t len = 0;
  const char* end = nullptr;
  if (hex.size() % 2 != 0 ||
      sodium_hex2bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), hex.data(),
                     hex.size(), nullptr, &len, &end) != 0 ||
      end != hex.data() + hex.size()) {
    return Invalid("hex", "not a hexadecimal string");
  }
  out.resize(len);
  return out;
}

std::string digest_hex(std::string_view data) {
  unsigned char h[crypto_generichash_BYTES];
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(data.data()), data.size(),
                     nullptr, 0);
  return to_hex({reinterpret_cast<const char*>(h), sizeof h});
}

Result<std::string> hash_password(std::string_view password) {
  init();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), kOpsLimit, kMemLimit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Internal("out of memory while hashing a password");
  }
  return std::string(out);
}

bool verify_password(std::string_view stored_hash, std::string_view password) {
  init();
  std::string stored(stored_hash);
  return crypto_pwhash_str_verify(stored.c_str(), password.data(), password.size()) == 0;
}

Result<std::optional<Key>> load_key(const std::string& key_file) {
  init();
  Key key{};
  if (const char* env = std::getenv("SHEGONG_KEY"); env != nullptr && *env != '\0') {
    auto bytes = from_hex(env);
    if (!bytes.ok() || bytes->size() != key.size()) {
      return Invalid("SHEGONG_KEY", "must be 64 hexadecimal digits (32 bytes)");
    }
    std::copy(bytes->begin(), bytes->end(), key.begin());
    return std::optional<Key>(key);
  }
  return read_key_file(key_file);
}

Result<std::optional<Key>> read_key_file(const std::string& key_file) {
  Key key{};
  std::ifstream in(key_file);
  if (!in) return std::optional<Key>();
  std::string hex;
  in >> hex;
  auto bytes = from_hex(hex);
  if (!bytes.ok() || bytes->size() != key.size()) {
    return Invalid("key_file", key_file + " does not hold 64 hexadecimal digits");
  }
  std::copy(bytes->begin(), bytes->end(), key.begin());
  return std::optional<Key>(key);
}

Status write_key_file(const std::string& key_file, const Key& key) {
  std::string hex = to_hex({reinterpret_cast<const char*>(key.data()), key.size()}) + "\n";
  int fd = ::open(key_file.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0) return Internal("cannot create key file " + key_file);
  bool written =
      ::write(fd, hex.data(), hex.size()) == static_cast<ssize_t>(hex.size()) && ::fsync(fd) == 0;
  ::close(fd);
  if (!written) return Internal("cannot write key file " + key_file);
  return Status::Ok();
}

Result<Key> load_or_create_key(const std::string& key_file) {
  auto found = load_key(key_file);
  if (!found.ok()) return found.status();
  if (found->has_value()) return **found;
  Key key{};
  randombytes_buf(key.data(), key.size());
  SHEGONG_RETURN_IF_ERROR(write_key_file(key_file, key));
  return key;
}

SecretBox::SecretBox(const Key& key) : key_(key) {
  init();
  crypto_kdf_derive_from_key(lookup_key_.data(), lookup_key_.size(), 1, "shegongH", key_.data());
}

std::string SecretBox::seal(std::string_view plaintext) const {
  std::string out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plaintext.size(), '\0');
  auto* nonce = reinterpret_cast<unsigned char*>(out.data());
  randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES,
                        reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(),
                        nonce, key_.data());
  return out;
}

Result<std::string> SecretBox::open(std::string_view sealed) const {
  constexpr size_t kOverhead = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES;
  if (sealed.size() < kOverhead) return Internal("sealed value is truncated");
  std::string out(sealed.size() - kOverhead, '\0');
  const auto* nonce = reinterpret_cast<const unsigned char*>(sealed.data());
  if (crypto_secretbox_open_easy(
          reinterpret_cast<unsigned char*>(out.data()), nonce + crypto_secretbox_NONCEBYTES,
          sealed.size() - crypto_secretbox_NONCEBYTES, nonce, key_.data()) != 0) {
    return Internal("sealed value does not open with this key");
  }
  return out;
}

std::string SecretBox::lookup_hash(std::string_view value) const {
  unsigned char h[crypto_generichash_BYTES];
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(value.data()),
                     value.size(), lookup_key_.data(), lookup_key_.size());
  return to_hex({reinterpret_cast<const char*>(h), sizeof h});
}

}  // namespace shegong::crypto
