"""A logistic model kept as its weights: the cue model and the attribution confidence model are both one.

Inference is a sum of weights and a logistic function, so nothing but this module and the weights file is
needed to run a model; fitting them (scikit-learn) lives in ``rashomon.train``. A file says which model
it holds by its format name, and a model is read only from a file of its own format.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from rashomon.errors import ModelMissing

CUE_MODEL = "rashomon-cue-model/1"
CONFIDENCE_MODEL = "rashomon-attribution-confidence/1"
# what each format holds, in the words of the error for a file of another format
FORMATS = {CUE_MODEL: "cue model", CONFIDENCE_MODEL: "attribution confidence model"}


@dataclass(frozen=True)
class LogisticModel:
    format: str  # CUE_MODEL or CONFIDENCE_MODEL
    weights: dict[str, float]
    bias: float
    threshold: float
    trained_on: str = ""

    def probability(self, features: Iterable[str] | Mapping[str, float]) -> float:
        """Features by name: a list counts each name (every time it occurs) as 1.0, a mapping gives each
        name its value."""
        if isinstance(features, Mapping):
            score = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        else:
            score = self.bias + sum(self.weights.get(feature, 0.0) for feature in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))

    def save(self, path: Path) -> None:
        rounded = {name: round(weight, 4) for name, weight in sorted(self.weights.items())}
        payload = {"format": self.format, "trained_on": self.trained_on, "bias": round(self.bias, 4),
                   "threshold": self.threshold, "weights": rounded}
        path.write_text(json.dumps(payload, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")

    @classmethod
    def read(cls, path, format: str) -> LogisticModel:
        """The model in ``path``, which must be of ``format``."""
        payload = json.loads(Path(path).read_text(encoding="utf-8"))
        if payload.get("format") != format:
            raise ModelMissing(f"{path}: not a rashomon {FORMATS[format]} (format {payload.get('format')!r})")
        return cls(format, payload["weights"], payload["bias"], payload["threshold"], payload.get("trained_on", ""))
