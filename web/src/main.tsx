import { render } from "preact";

render(<p>PortfolioOS</p>, document.getElementById("app")!);
