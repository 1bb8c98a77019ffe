#!/usr/bin/env python3
"""Write a tiny, deterministic llama-architecture GGUF model for benchmarking.

The weights are random, so the text is gibberish; the point is a *real*
llama-server that loads in milliseconds and streams tokens quickly on a
small CPU.  The file is byte-identical for identical arguments: the weights
come from numpy's legacy RandomState, whose stream numpy guarantees never to
change, and nothing time- or host-dependent is written.

Needs numpy and llama.cpp's gguf-py on sys.path (provision puts Debian's
python3-gguf on PYTHONPATH).

Usage: make_tiny_model.py OUT.gguf [--embd N] [--layers N] [--heads N]
                          [--kv-heads N] [--ff N] [--ctx N] [--seed N]
"""
from __future__ import annotations

import argparse
import os
import sys
import types

import numpy as np


def import_gguf() -> types.ModuleType:
    try:
        import yaml  # noqa: F401  (only to find out whether it is there)
    except ImportError:
        # gguf/__init__ imports gguf.metadata, which imports yaml at module
        # level but only uses it to parse model cards.  We never do that, so
        # an empty stand-in avoids needing python3-yaml.
        sys.modules["yaml"] = types.ModuleType("yaml")
    try:
        import gguf
    except ImportError as e:
        sys.exit(f"make_tiny_model.py: cannot import gguf ({e}); put llama.cpp's "
                 "gguf-py on PYTHONPATH (scripts/llama/provision does this)")
    return gguf

CHATML = (
    "{% for message in messages %}"
    "{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}"
    "{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"
)

# A few common English merges.  llama.cpp refuses a BPE vocabulary without
# merges; their content does not matter beyond that.
MERGES = [("Ġ", "t"), ("h", "e"), ("i", "n"), ("e", "r"),
          ("a", "n"), ("o", "n"), ("Ġ", "a"), ("r", "e")]
CONTROL = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]


def gpt2_byte_chars() -> list[str]:
    """GPT-2's byte -> printable unicode char table (index = byte value)."""
    bs = (list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1))
          + list(range(ord("®"), ord("ÿ") + 1)))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    table = dict(zip(bs, cs))
    return [chr(table[b]) for b in range(256)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", help="output .gguf path")
    ap.add_argument("--embd", type=int, default=128, help="embedding width (default 128)")
    ap.add_argument("--layers", type=int, default=2, help="transformer blocks (default 2)")
    ap.add_argument("--heads", type=int, default=4, help="attention heads (default 4)")
    ap.add_argument("--kv-heads", type=int, default=None, help="KV heads (default = heads)")
    ap.add_argument("--ff", type=int, default=None, help="FFN width (default 3*embd)")
    ap.add_argument("--ctx", type=int, default=4096, help="trained context length (default 4096)")
    ap.add_argument("--seed", type=int, default=20240601, help="RNG seed (default 20240601)")
    a = ap.parse_args()
    gguf = import_gguf()

    n_embd, n_layer, n_head = a.embd, a.layers, a.heads
    n_head_kv = a.kv_heads or n_head
    n_ff = a.ff or 3 * n_embd
    if n_embd % n_head or n_head % n_head_kv:
        ap.error("embd must be divisible by heads, and heads by kv-heads")
    head_dim = n_embd // n_head

    # ---- vocabulary: 256 byte tokens, merged tokens, control tokens ----
    byte_chars = gpt2_byte_chars()
    tokens = byte_chars + [l + r for l, r in MERGES] + CONTROL
    types_ = [gguf.TokenType.NORMAL] * (len(tokens) - len(CONTROL)) + [gguf.TokenType.CONTROL] * len(CONTROL)
    n_vocab = len(tokens)
    tid = {t: i for i, t in enumerate(tokens)}

    # Tokens the model may emit: printable ASCII bytes and the (ASCII) merges.
    # Everything else (control bytes, bytes >= 0x80 that would form invalid
    # UTF-8, special tokens) gets a large negative logit, so every generated
    # token decodes to visible text and the server sends one SSE chunk per
    # token instead of holding back partial UTF-8 or empty control tokens.
    allowed = np.zeros(n_vocab, dtype=bool)
    allowed[0x20:0x7F] = True
    allowed[256:256 + len(MERGES)] = True

    rs = np.random.RandomState(a.seed)

    def rand(*shape: int, scale: float) -> np.ndarray:
        # numpy shape is the reverse of the GGUF/ggml dims: ggml's {ne0, ne1}
        # is a row-major numpy array of shape (ne1, ne0).
        return (rs.uniform(-1.0, 1.0, size=shape) * scale).astype(np.float32)

    # Write to a temp name and rename at the end, so an interrupted run never
    # leaves a truncated file that looks finished.
    tmp = a.out + ".tmp"
    w = gguf.GGUFWriter(tmp, "llama")
    w.add_name("inferbench-tiny")
    w.add_description("random-weight test model for inferbench; output is gibberish")
    w.add_context_length(a.ctx)
    w.add_embedding_length(n_embd)
    w.add_block_count(n_layer)
    w.add_feed_forward_length(n_ff)
    w.add_head_count(n_head)
    w.add_head_count_kv(n_head_kv)
    w.add_layer_norm_rms_eps(1e-5)
    w.add_rope_dimension_count(head_dim)
    w.add_rope_freq_base(10000.0)
    w.add_file_type(gguf.LlamaFileType.ALL_F32)

    w.add_tokenizer_model("gpt2")
    w.add_tokenizer_pre("gpt-2")
    w.add_token_list(tokens)
    w.add_token_types(types_)
    w.add_token_merges([f"{l} {r}" for l, r in MERGES])
    w.add_bos_token_id(tid["<|endoftext|>"])
    w.add_eos_token_id(tid["<|im_end|>"])
    w.add_pad_token_id(tid["<|endoftext|>"])
    w.add_add_bos_token(False)
    w.add_add_eos_token(False)
    w.add_chat_template(CHATML)

    # Dimension 0 of the residual stream carries a constant 1.0 from the
    # embeddings; the other weights are small, so after the final RMS norm
    # dim 0 is about sqrt(n_embd).  A -8 in output.weight's column 0 for
    # every disallowed token then pushes its logit ~-8*sqrt(n_embd) down.
    emb = rand(n_vocab, n_embd, scale=0.05)
    emb[:, 0] = 1.0
    out = rand(n_vocab, n_embd, scale=0.5)
    out[:, 0] = np.where(allowed, 0.0, -8.0).astype(np.float32)

    w.add_tensor("token_embd.weight", emb)
    w.add_tensor("output_norm.weight", np.ones(n_embd, dtype=np.float32))
    w.add_tensor("output.weight", out)
    s_in, s_ff = 0.02, 0.02
    for i in range(n_layer):
        p = f"blk.{i}."
        w.add_tensor(p + "attn_norm.weight", np.ones(n_embd, dtype=np.float32))
        w.add_tensor(p + "attn_q.weight", rand(n_head * head_dim, n_embd, scale=s_in))
        w.add_tensor(p + "attn_k.weight", rand(n_head_kv * head_dim, n_embd, scale=s_in))
        w.add_tensor(p + "attn_v.weight", rand(n_head_kv * head_dim, n_embd, scale=s_in))
        w.add_tensor(p + "attn_output.weight", rand(n_embd, n_head * head_dim, scale=s_in))
        w.add_tensor(p + "ffn_norm.weight", np.ones(n_embd, dtype=np.float32))
        w.add_tensor(p + "ffn_gate.weight", rand(n_ff, n_embd, scale=s_ff))
        w.add_tensor(p + "ffn_up.weight", rand(n_ff, n_embd, scale=s_ff))
        w.add_tensor(p + "ffn_down.weight", rand(n_embd, n_ff, scale=s_ff))

    w.write_header_to_file()
    w.write_kv_data_to_file()
    w.write_tensors_to_file(progress=False)
    w.close()
    os.replace(tmp, a.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
