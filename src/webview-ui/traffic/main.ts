import "./traffic.css";
