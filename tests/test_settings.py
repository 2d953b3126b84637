import pytest

from rashomon.errors import SettingError
from rashomon.settings import SETTINGS, Settings


def test_settings_defaults_env_and_overrides():
    assert Settings.load(environ={}).db == "rashomon.db"
    assert Settings.load(environ={"RASHOMON_DB": "x.db"}).db == "x.db"
    assert Settings.load(environ={"RASHOMON_DB": "x.db"}, db="y.db").db == "y.db"
    assert Settings.load(environ={"RASHOMON_ALLOW_PRIVATE": "yes"}).allow_private is True
    assert Settings.load(environ={"RASHOMON_BATCH_SIZE": "7"}).batch_size == 7


def test_settings_bad_value_names_the_variable():
    with pytest.raises(SettingError) as caught:
        Settings.load(environ={"RASHOMON_FETCH_TIMEOUT": "soon"})
    assert str(caught.value) == "setting fetch_timeout (RASHOMON_FETCH_TIMEOUT) must be a float, got 'soon'"


def test_settings_every_setting_has_help():
    assert all(setting.help.endswith(".") for setting in SETTINGS)
