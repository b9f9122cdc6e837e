// Cryptographic primitives, all from libsodium: random tokens, BLAKE2b digests, argon2id password
// hashes, and the secret box that encrypts personal data at rest. The data key is 32 bytes, taken
// from SHEGONG_KEY (64 hex digits) or from a key file that is created on first use with mode 0600.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"

namespace shegong::crypto {

// Must be called once before any other function here (idempotent, thread-safe).
void init();

std::string random_bytes(size_t n);
// 32 random bytes as URL-safe base64 without padding: bearer tokens, session ids, CSRF tokens.
std::string random_token();

// BLAKE2b-256 of `data`, lower-case hex (64 chars).
std::string digest_hex(std::string_view data);
std::string to_hex(std::string_view bytes);
Result<std::string> from_hex(std::string_view hex);

// argon2id in libsodium's self-describing string form ($argon2id$v=19$m=...).
Result<std::string> hash_password(std::string_view password);
bool verify_password(std::string_view stored_hash, std::string_view password);

using Key = std::array<unsigned char, 32>;

// The key from the environment variable SHEGONG_KEY if set, otherwise from `key_file`, which is
// created with a fresh random key (mode 0600) when it does not exist.
Result<Key> load_or_create_key(const std::string& key_file);
// The same without creating: nullopt when SHEGONG_KEY is unset and `key_file` does not exist.
Result<std::optional<Key>> load_key(const std::string& key_file);
// The key in `key_file` alone, whatever SHEGONG_KEY holds; nullopt when there is no such file.
Result<std::optional<Key>> read_key_file(const std::string& key_file);
// Writes `key` to a new file (mode 0600, fsynced); an existing file is an error.
Status write_key_file(const std::string& key_file, const Key& key);

// Encrypts personal data at rest (XSalsa20-Poly1305) and computes a keyed hash for exact lookup
// without decrypting. The lookup hash uses a subkey derived from the data key, so knowing one
// does not reveal the other.
class SecretBox {
 public:
  explicit SecretBox(const Key& key);
  // nonce || ciphertext; never the same output twice for the same input.
  std::string seal(std::string_view plaintext) const;
  Result<std::string> open(std::string_view sealed) const;
  // Keyed BLAKE2b-256 of the value, hex. Equal inputs give equal outputs.
  std::string lookup_hash(std::string_view value) const;

 private:
  Key key_;
  Key lookup_key_;
};

}  // namespace shegong::crypto
