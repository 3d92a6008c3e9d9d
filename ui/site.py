"""The app's pages, in the order of the navigation: the router, the home page's tour and the tests
all read this one list."""

from typing import NamedTuple


class Page(NamedTuple):
    slug: str  # its strings: nav.<slug>, home.tour.<slug>
    file: str
    url: str  # its public path: /<url>
    icon: str


PAGES = [
    Page("home", "pages/home.py", "", ":material/home:"),
    Page("explorer", "pages/explorer.py", "explorer", ":material/biotech:"),
    Page("gradient_flow", "pages/gradient-flow.py", "gradient-flow", ":material/trending_down:"),
    Page("train", "pages/train.py", "train", ":material/model_training:"),
    Page("text_pipeline", "pages/text-pipeline.py", "text-pipeline", ":material/text_fields:"),
    Page("metrics", "pages/metrics.py", "metrics", ":material/target:"),
    Page("forecast", "pages/forecast.py", "forecast", ":material/show_chart:"),
    Page("lessons", "pages/lessons.py", "lessons", ":material/school:"),
]
