import '@xyflow/react/dist/style.css';
import './ui/app/app.css';
import { startDesigner } from './ui/app/start';

startDesigner(document.getElementById('root')!);
