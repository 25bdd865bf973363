from fastapi.testclient import TestClient

from app.main import app

client = TestClient(app)


def test_health_reports_ok():
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_embed_rejects_empty_list():
    response = client.post("/embed", json={"texts": []})
    assert response.status_code == 422
