"""Embedding API: turns short texts into sentence-transformer vectors."""

import os
from functools import lru_cache

import numpy as np
import torch
from fastapi import FastAPI, HTTPException, UploadFile
from pydantic import BaseModel, Field
from sentence_transformers import SentenceTransformer

MODEL_NAME = os.environ.get("MODEL_NAME", "sentence-transformers/all-MiniLM-L6-v2")
MAX_TEXTS = 256
BATCH_SIZE = 32

app = FastAPI(title="ml-backend", version="0.3.0")


class EmbedRequest(BaseModel):
    texts: list[str] = Field(min_length=1)
    normalize: bool = True


class EmbedResponse(BaseModel):
    model: str
    dimensions: int
    embeddings: list[list[float]]


@lru_cache(maxsize=1)
def get_model() -> SentenceTransformer:
    # Loaded on first use, so /health and the tests never download it.
    device = "cuda" if torch.cuda.is_available() else "cpu"
    return SentenceTransformer(MODEL_NAME, device=device)


def encode(texts: list[str], normalize: bool) -> np.ndarray:
    model = get_model()
    chunks = []
    with torch.inference_mode():
        for start in range(0, len(texts), BATCH_SIZE):
            batch = texts[start : start + BATCH_SIZE]
            vectors = model.encode(batch, convert_to_tensor=True)
            if normalize:
                vectors = torch.nn.functional.normalize(vectors, p=2, dim=1)
            chunks.append(vectors.cpu())
    return torch.cat(chunks).numpy().astype(np.float32)


def to_response(matrix: np.ndarray) -> EmbedResponse:
    return EmbedResponse(
        model=MODEL_NAME, dimensions=matrix.shape[1], embeddings=matrix.tolist()
    )


@app.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok", "torch": torch.__version__}


@app.post("/embed", response_model=EmbedResponse)
def embed(request: EmbedRequest) -> EmbedResponse:
    if len(request.texts) > MAX_TEXTS:
        raise HTTPException(status_code=413, detail=f"at most {MAX_TEXTS} texts")
    return to_response(encode(request.texts, request.normalize))


@app.post("/embed/file", response_model=EmbedResponse)
async def embed_file(file: UploadFile) -> EmbedResponse:
    """Embed a UTF-8 text file, one text per line."""
    lines = (await file.read()).decode("utf-8").splitlines()
    texts = [line for line in lines if line.strip()]
    if not texts or len(texts) > MAX_TEXTS:
        raise HTTPException(status_code=422, detail="expected 1 to 256 lines")
    return to_response(encode(texts, normalize=True))
